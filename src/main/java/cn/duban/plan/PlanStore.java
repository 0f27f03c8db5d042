package cn.duban.plan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement;
import cn.duban.system.Paging;
import cn.duban.system.Sql;
import cn.duban.system.WriteBatch;

/** Plans and items in the database. */
@Repository
public class PlanStore {

    private static final String ITEM_COLUMNS = "id, plan_id, seq, number, path, text, deadline_kind, due, deadline_text, "
            + "frequency, milestones, requirements, status, return_count, escalation_level, colour, deduction, process_instance_id, completed_at";
    private static final String PLAN_COLUMNS = "p.*, (select count(*) from item i where i.plan_id = p.id) items";
    private static final String[] ROLES = {"LEAD", "RESPONSIBLE", "COOPERATING"};

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPlan(ParsedPlan plan, String sourceName, String importedBy, List<String> warnings) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into plan (title, organ, doc_number, plan_year, issued_on, source_name, status, imported_by, "
                        + "imported_at, warnings, chapters) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(plan.title() == null ? sourceName : plan.title(), plan.organ(), plan.docNumber(), plan.year(),
                        plan.issuedOn() == null ? null : Date.valueOf(plan.issuedOn()), sourceName,
                        PlanRecord.Status.IMPORTED.name(), importedBy, Timestamp.from(Instant.now()),
                        String.join("\n", warnings), String.join("\n", plan.chapters().entrySet().stream()
                                .map(e -> e.getKey() + "\t" + e.getValue()).toList()))
                .update(key, "id");
        long planId = key.getKey().longValue();
        int seq = 0;
        for (ParsedItem item : plan.items()) {
            insertItem(planId, seq++, item);
        }
        return planId;
    }

    /** Adds one item (DRAFT) to a plan; its id. */
    public long insertItem(long planId, int seq, ParsedItem item) {
        KeyHolder itemKey = new GeneratedKeyHolder();
        Deadline d = item.deadline();
        jdbc.sql("insert into item (plan_id, seq, number, path, text, deadline_kind, due, deadline_text, frequency, "
                        + "milestones, requirements, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(planId, seq, item.number(), String.join("/", item.path()), item.text(), d.kind().name(),
                        d.due() == null ? null : Date.valueOf(d.due()), d.raw(),
                        d.frequency() == null ? null : d.frequency().name(), milestones(d.milestones()),
                        Requirement.format(item.requirements()), Item.Status.DRAFT.name())
                .update(itemKey, "id");
        long itemId = itemKey.getKey().longValue();
        insertUnits(itemId, item.leadUnits(), item.responsibleUnits(), item.cooperatingUnits());
        return itemId;
    }

    /** The next free position at the end of a plan. */
    public int nextSeq(long planId) {
        return jdbc.sql("select coalesce(max(seq), -1) + 1 from item where plan_id = ?").param(planId).query(Integer.class).single();
    }

    /** The office's own progress text for the ledger. */
    public void setProgressNote(long itemId, String note) {
        jdbc.sql("update item set progress_note = ? where id = ?").params(note, itemId).update();
    }

    public java.util.Optional<String> progressNote(long itemId) {
        return jdbc.sql("select progress_note from item where id = ?").param(itemId).query(String.class).optional()
                .filter(n -> n != null);
    }

    /** The office's progress texts of a plan's items, by item (items without one left out). */
    public Map<Long, String> progressNotes(long planId) {
        Map<Long, String> notes = new HashMap<>();
        jdbc.sql("select id, progress_note from item where plan_id = ? and progress_note is not null").param(planId)
                .query((rs, n) -> notes.put(rs.getLong(1), rs.getString(2))).list();
        return notes;
    }

    /** Marks (or unmarks) an item as an assessment deduction point (考核失分点) for next year's look-back. */
    public void setDeduction(long itemId, boolean deduction) {
        jdbc.sql("update item set deduction = ? where id = ?").params(deduction, itemId).update();
    }

    private void insertUnits(long itemId, List<String> lead, List<String> responsible, List<String> cooperating) {
        List<List<String>> lists = List.of(lead, responsible, cooperating);
        for (int r = 0; r < ROLES.length; r++) {
            List<String> names = lists.get(r);
            for (int i = 0; i < names.size(); i++) {
                jdbc.sql("insert into item_unit (item_id, role, ord, name) values (?, ?, ?, ?)")
                        .params(itemId, ROLES[r], i, names.get(i)).update();
            }
        }
    }

    /** Replaces the units an item names (the office's confirmation in the preview or the ASSIGN step). */
    public void replaceUnits(long itemId, List<String> lead, List<String> responsible, List<String> cooperating) {
        jdbc.sql("delete from item_unit where item_id = ?").param(itemId).update();
        insertUnits(itemId, lead, responsible, cooperating);
    }

    public void setDeadline(long itemId, Deadline d) {
        jdbc.sql("update item set deadline_kind = ?, due = ?, deadline_text = ?, frequency = ?, milestones = ? where id = ?")
                .params(d.kind().name(), d.due() == null ? null : Date.valueOf(d.due()), d.raw(),
                        d.frequency() == null ? null : d.frequency().name(), milestones(d.milestones()), itemId)
                .update();
    }

    public void setText(long itemId, String text) {
        jdbc.sql("update item set text = ? where id = ?").params(text, itemId).update();
    }

    public void setRequirements(long itemId, List<Requirement> requirements) {
        jdbc.sql("update item set requirements = ? where id = ?").params(Requirement.format(requirements), itemId).update();
    }

    /** An item's place in its plan: position, number and path (the preview's renumbering). */
    public void place(long itemId, int seq, String number, List<String> path) {
        jdbc.sql("update item set seq = ?, number = ?, path = ? where id = ?")
                .params(seq, number, String.join("/", path), itemId).update();
    }

    /** Removes an item of the preview, with its units and trail. */
    public void deleteItem(long itemId) {
        jdbc.sql("delete from item where id = ?").param(itemId).update();
    }

    public void setWarnings(long planId, List<String> warnings) {
        jdbc.sql("update plan set warnings = ? where id = ?").params(String.join("\n", warnings), planId).update();
    }

    public List<PlanRecord> plans() {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan p order by p.id desc").query(this::planRow).list();
    }

    public Optional<PlanRecord> plan(long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan p where p.id = ?").param(id).query(this::planRow).optional();
    }

    /**
     * Marks an imported plan launched; false when it is not (any more) IMPORTED. The row lock it takes makes a second,
     * concurrent launch — on this node or another — wait and then find the plan launched.
     */
    /**
     * Holds the plan's row for a change to its preview, which then waits for (or excludes) a launch and other changes
     * of the same preview; false when the plan is no longer a preview.
     */
    public boolean holdPreview(long planId) {
        return jdbc.sql("update plan set status = status where id = ? and status = ?")
                .params(planId, PlanRecord.Status.IMPORTED.name()).update() == 1;
    }

    public boolean claimLaunch(long planId) {
        return jdbc.sql("update plan set status = ? where id = ? and status = ?")
                .params(PlanRecord.Status.LAUNCHED.name(), planId, PlanRecord.Status.IMPORTED.name()).update() == 1;
    }

    public List<Item> items(long planId) {
        return withUnits(jdbc.sql("select " + ITEM_COLUMNS + " from item where plan_id = ? order by seq")
                .param(planId).query(PlanStore::item).list(), "u.item_id in (select id from item where plan_id = ?)", List.of(planId));
    }

    /**
     * A page of the plan's items in its order: all of them when {@code names} is null, else those that name one of
     * {@code names} (as printed, spaces around it aside) or are one of {@code alsoIds}; the page's units in one query.
     */
    public Paging.Page<Item> itemPage(long planId, Collection<String> names, Collection<Long> alsoIds, Paging paging) {
        String where = " from item where plan_id = :plan";
        Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
        if (names != null) {
            List<String> among = new ArrayList<>();
            if (!names.isEmpty()) {
                among.add("id in (select item_id from item_unit where trim(name) in (:names))");
                params.put("names", names);
            }
            if (!alsoIds.isEmpty()) {
                among.add("id in (:ids)");
                params.put("ids", alsoIds);
            }
            if (among.isEmpty()) {
                return paging.of(List.of(), 0);
            }
            where += " and (" + String.join(" or ", among) + ")";
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Item> rows = jdbc.sql("select " + ITEM_COLUMNS + where + " order by seq" + paging.sql())
                .params(params).query(PlanStore::item).list();
        if (rows.isEmpty()) {
            return paging.of(rows, total);
        }
        List<Long> ids = rows.stream().map(Item::id).toList();
        return paging.of(withUnits(rows, "u.item_id in (" + Sql.marks(ids.size()) + ")", ids), total);
    }

    public Optional<Item> item(long id) {
        Map<Long, Item> known = READ.get();
        if (known != null && known.containsKey(id)) {
            return Optional.of(known.get(id));
        }
        return withUnits(jdbc.sql("select " + ITEM_COLUMNS + " from item where id = ?")
                .param(id).query(PlanStore::item).list(), "u.item_id = ?", List.of(id)).stream().findFirst();
    }

    /** The items {@link #reading} work was given, by id, on the thread running it. */
    private static final ThreadLocal<Map<Long, Item>> READ = new ThreadLocal<>();

    /**
     * Runs {@code work} with these items read already: {@link #item} of one of them gives it as read, without a query
     * (a launch's item starts read their item three times: the assign decision, the units' multi-instance twice). The
     * work must not change them.
     */
    public void reading(List<Item> items, Runnable work) {
        Map<Long, Item> known = new HashMap<>();
        items.forEach(i -> known.put(i.id(), i));
        READ.set(known);
        try {
            work.run();
        } finally {
            READ.remove();
        }
    }

    public void launched(long itemId, String processInstanceId) {
        WriteBatch.write(jdbc, "update item set status = ?, process_instance_id = ? where id = ?",
                Item.Status.OPEN.name(), processInstanceId, itemId);
    }

    public void completed(long itemId, Instant at) {
        jdbc.sql("update item set status = ?, completed_at = ? where id = ?")
                .params(Item.Status.COMPLETED.name(), Timestamp.from(at), itemId).update();
    }

    /** The escalation level the rules raised the item to (0 again once the owed report is approved). */
    public void setEscalationLevel(long itemId, int level) {
        jdbc.sql("update item set escalation_level = ? where id = ?").params(level, itemId).update();
    }

    public void countReturn(long itemId) {
        jdbc.sql("update item set return_count = return_count + 1 where id = ?").param(itemId).update();
    }

    /** The items with their units, read in one query: those of the item_unit rows {@code where} selects. */
    private List<Item> withUnits(List<Item> items, String where, List<?> params) {
        Map<Long, Map<String, List<String>>> units = new HashMap<>();
        jdbc.sql("select u.item_id, u.role, u.name from item_unit u where " + where + " order by u.item_id, u.role, u.ord")
                .params(params)
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3)))
                .list();
        List<Item> result = new ArrayList<>(items.size());
        for (Item i : items) {
            Map<String, List<String>> byRole = units.getOrDefault(i.id(), Map.of());
            result.add(new Item(i.id(), i.planId(), i.seq(), i.number(), i.path(), i.text(), i.deadline(),
                    i.requirements(), i.status(), i.returnCount(), i.escalationLevel(), i.colour(), i.deduction(),
                    i.processInstanceId(), i.completedAt(),
                    byRole.getOrDefault("LEAD", List.of()), byRole.getOrDefault("RESPONSIBLE", List.of()),
                    byRole.getOrDefault("COOPERATING", List.of())));
        }
        return result;
    }

    private static String milestones(List<LocalDate> dates) {
        return String.join(",", dates.stream().map(LocalDate::toString).toList());
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("due");
        String frequency = rs.getString("frequency");
        Deadline deadline = new Deadline(Deadline.Kind.valueOf(rs.getString("deadline_kind")),
                due == null ? null : due.toLocalDate(), frequency == null ? null : Deadline.Frequency.valueOf(frequency),
                rs.getString("deadline_text"), split(rs.getString("milestones")).stream().map(LocalDate::parse).toList());
        List<Requirement> requirements = Requirement.parse(rs.getString("requirements"));
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Item(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("seq"), rs.getString("number"),
                List.of(rs.getString("path").split("/")), rs.getString("text"), deadline, requirements,
                Item.Status.valueOf(rs.getString("status")), rs.getInt("return_count"), rs.getInt("escalation_level"),
                rs.getString("colour"), rs.getBoolean("deduction"), rs.getString("process_instance_id"), completed == null ? null : completed.toInstant(),
                List.of(), List.of(), List.of());
    }

    private PlanRecord planRow(ResultSet rs, int row) throws SQLException {
        Date issued = rs.getDate("issued_on");
        return new PlanRecord(rs.getLong("id"), rs.getString("title"), rs.getString("organ"), rs.getString("doc_number"),
                rs.getInt("plan_year"), issued == null ? null : issued.toLocalDate(), rs.getString("source_name"),
                PlanRecord.Status.valueOf(rs.getString("status")), rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(), rs.getInt("items"), split(rs.getString("warnings"), "\n"),
                split(rs.getString("chapters"), "\n").stream().map(line -> line.split("\t", 2)).filter(kv -> kv.length == 2)
                        .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    private static List<String> split(String s, String separator) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(separator));
    }

    /** The order of a page of plans: the newest import first, or the newest year first (then the newest import). */
    public enum Order {
        NEWEST("p.id desc"), BY_YEAR("p.plan_year desc, p.id desc");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public cn.duban.system.Paging.Page<PlanRecord> plans(Order order, cn.duban.system.Paging paging) {
        return paging.of(jdbc.sql("select " + PLAN_COLUMNS + " from plan p order by " + order.sql + paging.sql())
                .query(this::planRow).list(), jdbc.sql("select count(*) from plan").query(Long.class).single());
    }
}
