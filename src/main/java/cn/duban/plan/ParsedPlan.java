package cn.duban.plan;

import java.time.LocalDate;
import java.util.List;

/** A plan document as read by the parser, before it is stored. */
public record ParsedPlan(String title, String organ, String docNumber, Integer year, LocalDate issuedOn,
                         List<ParsedItem> items, List<String> warnings) {

    /** One numbered task of the plan with the units it names, as printed. */
    public record ParsedItem(String number, String path, String chapter, String section, String text,
                             List<String> leadUnits, List<String> responsibleUnits, List<String> cooperatingUnits,
                             Deadline deadline) {}
}
