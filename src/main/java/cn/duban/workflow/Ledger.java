package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger (台账): the approved result of each unit's work on an item, with who reported and who approved. */
@Repository
public class Ledger {

    public record Entry(String unit, String summary, int percent, List<String> evidence, String reportedBy,
                        String approvedBy, Instant approvedAt, Instant recordedAt) {}

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records, for every unit the item assigns, its latest approved submission on the item. A child unit's part (分解)
     * is its parent's work: the parent's hand-in, approved upward, is the entry; the part stays on the item page and
     * in its trail.
     */
    public int recordApproved(long itemId, Instant at) {
        return jdbc.sql("insert into ledger_entry (item_id, unit_code, report_id, summary, percent, evidence, reported_by, "
                        + "approved_by, approved_at, recorded_at) "
                        + "select r.item_id, r.unit_code, r.id, r.summary, r.percent, r.evidence, r.submitted_by, "
                        + "r.reviewed_by, r.reviewed_at, ? from progress_report r "
                        + "where r.item_id = ? and r.decision = 'APPROVE' and r.id = (select max(x.id) from progress_report x "
                        + "where x.item_id = r.item_id and x.unit_code = r.unit_code and x.decision = 'APPROVE') "
                        + "and not exists (select 1 from item_part p where p.item_id = r.item_id and p.unit_code = r.unit_code)")
                .params(Timestamp.from(at), itemId).update();
    }

    public List<Entry> of(long itemId) {
        return jdbc.sql("select unit_code, summary, percent, evidence, reported_by, approved_by, approved_at, recorded_at "
                        + "from ledger_entry where item_id = ? order by id")
                .param(itemId)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4) == null || rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split("\n")),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
                .list();
    }
}
