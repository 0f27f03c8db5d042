package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A plan document as the parser reads it, before it is stored; {@code chapters} maps 一, 二… to their headings. */
public record ParsedPlan(String title, String organ, String docNumber, int year, LocalDate issuedOn,
                         List<ParsedItem> items, List<String> warnings, Map<String, String> chapters) {

    /** One supervised task of the plan, with the units it names as printed and its deadline. */
    public record ParsedItem(String number, List<String> path, String text, List<String> leadUnits,
                             List<String> responsibleUnits, List<String> cooperatingUnits, Deadline deadline,
                             List<Requirement> requirements) {

        /** Every unit name the item prints, lead first. */
        public List<String> namedUnits() {
            return java.util.stream.Stream.of(leadUnits, responsibleUnits, cooperatingUnits).flatMap(List::stream).toList();
        }
    }
}
