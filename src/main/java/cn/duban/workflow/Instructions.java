package cn.duban.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.notify.Messages;
import cn.duban.notify.Notifications;
import cn.duban.notify.Outbox;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.workflow.ItemHistory.Action;

/**
 * 领导批示: a supervisor's instruction on an item, to one unit's part or to the whole item. It reaches the unit's (or
 * each unit's) inbox and channels at once, and stays open for a unit until that unit's next report says how it was
 * carried out.
 */
@Service
public class Instructions {

    /** The longest instruction or answer kept. */
    public static final int MAX_TEXT = 4000;

    /** How a unit carried an instruction out. */
    public record Answer(String unit, String text, String answeredBy, Instant answeredAt) {}

    /** An instruction; {@code unit} null: to the whole item (each of its units answers). */
    public record Instruction(long id, long itemId, String unit, String text, String createdBy, Instant createdAt,
                              List<Answer> answers) {

        /** Whether the unit still owes an answer: the instruction is to it or to the whole item, and it has not answered. */
        public boolean openFor(String unitCode) {
            return (unit == null || unit.equals(unitCode)) && answers.stream().noneMatch(a -> a.unit().equals(unitCode));
        }
    }

    private final JdbcClient jdbc;
    private final PlanStore plans;
    private final ItemUnits itemUnits;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Messages messages;
    private final ItemHistory history;
    private final AuditLog audit;
    private final Today today;

    public Instructions(JdbcClient jdbc, PlanStore plans, ItemUnits itemUnits, Notifications notifications, Outbox outbox,
                        Messages messages, ItemHistory history, AuditLog audit, Today today) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.itemUnits = itemUnits;
        this.notifications = notifications;
        this.outbox = outbox;
        this.messages = messages;
        this.history = history;
        this.audit = audit;
        this.today = today;
    }

    /** A supervisor's (or the office's) instruction on the item, to one of its units or (unit blank) to all of them. */
    @Transactional
    public Instruction add(long itemId, String text, String unit, UserAccount user) {
        if (!user.canReview()) {
            throw ApiException.forbidden("只有领导和公开办可以批示");
        }
        Item item = plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
        if (item.status() != Item.Status.OPEN) { // no unit's next report would answer it
            throw ApiException.conflict("事项" + (item.status() == Item.Status.COMPLETED ? "已办结" : "尚未下达") + ", 不能批示");
        }
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw ApiException.badRequest("请填写批示内容 (text)");
        }
        if (body.length() > MAX_TEXT) {
            throw ApiException.badRequest("批示内容 (text) 过长 (最多 " + MAX_TEXT + " 字)");
        }
        String target = unit == null || unit.isBlank() ? null : unit.strip();
        Set<String> units = itemUnits.involved(item);
        if (target != null && !units.contains(target)) {
            throw ApiException.badRequest("批示对象 (unit) 须为本事项的单位: " + target);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into instruction (item_id, unit_code, text, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(itemId, target, body, user.username(), Timestamp.from(Instant.now())).update(key, "id");
        long id = key.getKey().longValue();
        LocalDate day = today.date();
        String message = "【领导批示】" + user.displayName() + " 批示 "
                + messages.item(item.id(), item.number(), item.text(), item.deadline().due(), day) + "。批示内容: " + body;
        for (String audience : target == null ? units : Set.of(target)) {
            String dedupe = "instruction:" + id + ":" + audience;
            notifications.addOnce(dedupe, itemId, audience, "INSTRUCTION", day, message, null, user.username());
            outbox.send(audience, dedupe, "【领导批示】第" + item.number() + "项", message);
        }
        history.record(itemId, user.username(), null, Action.INSTRUCTED, target, body);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("instruction", id);
        after.put("unit", target);
        after.put("text", body);
        audit.record("INSTRUCTION_ADDED", "item:" + itemId, null, after);
        return of(itemId).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** The item's instructions the user may see: a unit user those to the whole item or to its units, with its own answers. */
    public List<Instruction> of(long itemId, UserAccount user) {
        List<Instruction> all = of(itemId);
        if (user.seesAll()) {
            return all;
        }
        return all.stream().filter(i -> i.unit() == null || user.units().contains(i.unit()))
                .map(i -> new Instruction(i.id(), i.itemId(), i.unit(), i.text(), i.createdBy(), i.createdAt(),
                        i.answers().stream().filter(a -> user.units().contains(a.unit())).toList()))
                .toList();
    }

    /** Whether a trail event is an instruction or answer of another unit than the user's (hidden from a unit user). */
    static boolean othersInstruction(ItemHistory.Event event, UserAccount user) {
        return !user.seesAll() && (event.action() == Action.INSTRUCTED || event.action() == Action.INSTRUCTION_ANSWERED)
                && event.unit() != null && !user.units().contains(event.unit());
    }

    /** The instructions on the item the unit still has to answer. */
    List<Instruction> openFor(long itemId, String unit) {
        return of(itemId).stream().filter(i -> i.openFor(unit)).toList();
    }

    /** The unit's report says how the open instructions were carried out: that closes them for the unit. */
    void answer(List<Instruction> open, String unit, String answer, UserAccount user) {
        for (Instruction i : open) {
            jdbc.sql("insert into instruction_answer (instruction_id, unit_code, answer, answered_by, answered_at) values (?, ?, ?, ?, ?)")
                    .params(i.id(), unit, answer, user.username(), Timestamp.from(Instant.now())).update();
            history.record(i.itemId(), user.username(), Step.EXECUTE, Action.INSTRUCTION_ANSWERED, unit, answer);
            audit.record("INSTRUCTION_ANSWERED", "item:" + i.itemId(), Map.of("instruction", i.id(), "text", i.text()),
                    Map.of("unit", unit, "answer", answer));
        }
    }

    private List<Instruction> of(long itemId) {
        Map<Long, List<Answer>> answers = new LinkedHashMap<>();
        jdbc.sql("select a.instruction_id, a.unit_code, a.answer, a.answered_by, a.answered_at from instruction_answer a "
                        + "join instruction i on i.id = a.instruction_id where i.item_id = ? order by a.id")
                .param(itemId)
                .query((rs, n) -> answers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Answer(rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())))
                .list();
        return jdbc.sql("select id, unit_code, text, created_by, created_at from instruction where item_id = ? order by id desc")
                .param(itemId)
                .query((rs, n) -> new Instruction(rs.getLong(1), itemId, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.copyOf(answers.getOrDefault(rs.getLong(1), List.of()))))
                .list();
    }
}
