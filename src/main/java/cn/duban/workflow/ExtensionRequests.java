package cn.duban.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.ExtensionRequest;
import cn.duban.rules.RuleBase;
import cn.duban.rules.WorkCalendar;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;

/**
 * 延期申请: a unit asks for a later due date for its own part of an item, with a reason; the decision table
 * rules/extension.drl.csv refuses what goes beyond the office's limits, and the rest opens a 延期审批 (EXTEND) task for
 * the supervisors through the item's process, whose decision moves the unit's due ({@link Extensions}) or leaves it.
 */
@Service
class ExtensionRequests {

    private final Extensions extensions;
    private final PlanStore plans;
    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final RuntimeService runtime;
    private final ItemHistory history;
    private final AuditLog audit;
    private final ExtensionNotices notices;
    private final Today today;

    ExtensionRequests(Extensions extensions, PlanStore plans, RuleBase rules, WorkCalendar calendar, RuntimeService runtime,
                      ItemHistory history, AuditLog audit, ExtensionNotices notices, Today today) {
        this.extensions = extensions;
        this.plans = plans;
        this.rules = rules;
        this.calendar = calendar;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
        this.notices = notices;
        this.today = today;
    }

    /**
     * The unit of the task asks for {@code due} instead of its current due date: refused (400) without a reason or a
     * later date, (409) for work without one due date, while another request waits, or when the decision table
     * refuses it.
     */
    Extensions.Extension request(OpenTask task, LocalDate due, String reason, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以申请延期");
        }
        Item item = plans.item(task.itemId()).orElseThrow(() -> ApiException.notFound("事项不存在: " + task.itemId()));
        if (item.deadline().due() == null || item.deadline().kind() == Deadline.Kind.RECURRING
                || item.deadline().kind() == Deadline.Kind.ONGOING) {
            throw ApiException.conflict("该事项没有单一的完成期限, 不能申请延期");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.badRequest("请填写延期理由 (reason)");
        }
        if (why.length() > Extensions.MAX_TEXT) {
            throw ApiException.badRequest("延期理由 (reason) 过长 (最多 " + Extensions.MAX_TEXT + " 字)");
        }
        LocalDate current = extensions.due(item, task.unit());
        if (due == null || !due.isAfter(current)) {
            throw ApiException.badRequest("新期限 (due) 须晚于现期限 " + current);
        }
        if (due.isBefore(today.date())) {
            throw ApiException.badRequest("新期限 (due) 不得早于今天 " + today.date());
        }
        List<Extensions.Extension> before = extensions.of(item.id()).stream().filter(e -> e.unit().equals(task.unit())).toList();
        if (before.stream().anyMatch(e -> e.status() == Extensions.Status.PENDING)) {
            throw ApiException.conflict("本单位的延期申请正在审批中");
        }
        ExtensionRequest asked = new ExtensionRequest(item.id(), task.unit(),
                (int) before.stream().filter(e -> e.status() == Extensions.Status.APPROVED).count(),
                calendar.workingDaysBetween(current, due));
        rules.fire(List.of(asked), ExtensionRequest.class);
        if (!asked.refusals().isEmpty()) {
            throw ApiException.conflict("延期申请不予受理: " + String.join("; ", asked.refusals()));
        }
        Extensions.Extension stored = extensions.add(item.id(), task.unit(), current, due, why, user.username());
        history.record(item.id(), user.username(), Step.EXECUTE, Action.EXTENSION_REQUESTED, task.unit(),
                current + " → " + due + ": " + why);
        runtime.createMessageCorrelation("extend").processInstanceId(item.processInstanceId())
                .setVariablesLocal(Map.of("unit", task.unit())).correlateWithResult();
        audit.record("EXTENSION_REQUESTED", "item:" + item.id(), null, stored);
        notices.asked(stored, item, user);
        return stored;
    }

    /** The supervisor's decision on the unit's waiting request; the unit's due moves when it is approved. */
    Extensions.Extension decide(OpenTask task, boolean approve, String comment, UserAccount user) {
        Extensions.Extension pending = extensions.of(task.itemId()).stream()
                .filter(e -> e.unit().equals(task.unit()) && e.status() == Extensions.Status.PENDING).findFirst()
                .orElseThrow(() -> ApiException.conflict("没有待审批的延期申请"));
        Extensions.Status status = approve ? Extensions.Status.APPROVED : Extensions.Status.REJECTED;
        Extensions.Extension decided = extensions.decide(pending.id(), status, user.username(), comment);
        history.record(task.itemId(), user.username(), Step.EXTEND,
                approve ? Action.EXTENSION_APPROVED : Action.EXTENSION_REJECTED, task.unit(),
                pending.originalDue() + " → " + pending.newDue() + (comment == null ? "" : ": " + comment));
        audit.record(approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED", "item:" + task.itemId(), pending, decided);
        notices.decided(decided, plans.item(task.itemId()).orElseThrow(), user);
        return decided;
    }
}
