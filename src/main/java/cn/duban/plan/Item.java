package cn.duban.plan;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.Requirement;

/** A plan item: the unit of supervision and a row of the ledger. */
public record Item(long id, long planId, int seq, String number, List<String> path, String text, Deadline deadline,
                   List<Requirement> requirements, Status status, int returnCount, int escalationLevel,
                   String colour, boolean deduction, String processInstanceId, Instant completedAt, List<String> leadUnits,
                   List<String> responsibleUnits, List<String> cooperatingUnits) {

    /** DRAFT: imported, not launched; OPEN: under supervision; COMPLETED: reported in the ledger. */
    public enum Status { DRAFT, OPEN, COMPLETED }

    /** The first clause of the text, short enough for a task list. */
    public String title() {
        return titleOf(text);
    }

    /** The most characters of a title; a longer first sentence is cut and ends with "…". */
    public static final int TITLE_LENGTH = 40;

    /** The first sentence (up to 。 or ;), cut to {@link #TITLE_LENGTH}; the text's first TITLE_LENGTH + 1 characters suffice. */
    public static String titleOf(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '。' && text.charAt(end) != ';') {
            end++;
        }
        String first = text.substring(0, end);
        return first.length() > TITLE_LENGTH ? first.substring(0, TITLE_LENGTH) + "…" : first;
    }

    /** The item as the parser would give it, for the tools that read plans (simulation, look-back). */
    public cn.duban.plan.parse.ParsedPlan.ParsedItem asParsed() {
        return new cn.duban.plan.parse.ParsedPlan.ParsedItem(number, path, text, leadUnits, responsibleUnits,
                cooperatingUnits, deadline, requirements);
    }

    /** Every unit name the item prints, lead first. */
    public List<String> namedUnits() {
        return Stream.of(leadUnits, responsibleUnits, cooperatingUnits).flatMap(List::stream).toList();
    }
}
