package cn.duban.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored plan's metadata. */
public record PlanRecord(long id, String title, String organ, String docNumber, int year, LocalDate issuedOn,
                         String sourceName, Status status, String importedBy, Instant importedAt, int items,
                         List<String> warnings) {

    /** IMPORTED: items stored, no process started; LAUNCHED: every item under supervision. */
    public enum Status { IMPORTED, LAUNCHED }
}
