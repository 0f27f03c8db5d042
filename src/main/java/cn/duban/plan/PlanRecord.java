package cn.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A stored plan's metadata, with its chapters' headings in order. */
public record PlanRecord(long id, String title, String organ, String docNumber, int year, LocalDate issuedOn,
                         String sourceName, Status status, String importedBy, Instant importedAt, int items,
                         List<String> warnings, Map<String, String> chapters) {

    /** The heading of a chapter (一, 二…), or the chapter number itself when the document printed none. */
    public String chapterTitle(String chapter) {
        return chapters.getOrDefault(chapter, chapter);
    }

    /**
     * An item's text without its chapter's heading, when the parser glued the heading onto it (a chapter that is itself
     * a task): the heading is shown above the chapter's items.
     */
    public String textUnderHeading(Item item) {
        String heading = chapters.get(item.path().get(0));
        String text = item.text();
        return heading != null && text.length() > heading.length() && text.startsWith(heading)
                ? text.substring(heading.length()).replaceFirst("^[\\s,，。:：;；]+", "") : text;
    }

    /**
     * The warnings grouped by kind, in order of first appearance: a warning's kind is its text after the item it names
     * ("事项 一/1: "), up to the first colon, with numbers as N.
     */
    public Map<String, List<String>> warningGroups() {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (String w : warnings) {
            String kind = w.replaceFirst("^事项 \\S+: ", "").split("[:：]", 2)[0].replaceAll("\\d+", "N").strip();
            groups.computeIfAbsent(kind, k -> new java.util.ArrayList<>()).add(w);
        }
        return groups;
    }

    /** IMPORTED: items stored, no process started; LAUNCHED: every item under supervision. */
    public enum Status { IMPORTED, LAUNCHED }
}
