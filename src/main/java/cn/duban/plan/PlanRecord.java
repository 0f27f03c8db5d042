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

    /** IMPORTED: items stored, no process started; LAUNCHED: every item under supervision. */
    public enum Status { IMPORTED, LAUNCHED }
}
