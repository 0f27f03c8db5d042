package cn.duban.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
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
import cn.duban.workflow.OpenTasks.OpenTask;

/**
 * 催办: the office or a supervisor urges whoever holds an open task — its unit, the supervisors or the office — with a
 * note, at once and at most once an hour per task.
 */
@Service
public class Urges {

    private final OpenTasks openTasks;
    private final PlanStore plans;
    private final Notifications notifications;
    private final Outbox outbox;
    private final Messages messages;
    private final ItemHistory history;
    private final AuditLog audit;
    private final Today today;

    public Urges(OpenTasks openTasks, PlanStore plans, Notifications notifications, Outbox outbox, Messages messages,
                 ItemHistory history, AuditLog audit, Today today) {
        this.openTasks = openTasks;
        this.plans = plans;
        this.notifications = notifications;
        this.outbox = outbox;
        this.messages = messages;
        this.history = history;
        this.audit = audit;
        this.today = today;
    }

    @Transactional
    public Notifications.Notification urge(String taskId, String note, UserAccount user) {
        if (!user.canReview()) {
            throw ApiException.forbidden("只有公开办和审核人可以催办");
        }
        OpenTask task = openTasks.find(taskId).orElseThrow(() -> ApiException.notFound("任务不存在或已办结: " + taskId));
        Instant now = Instant.now();
        notifications.lastUrge(taskId).filter(last -> last.isAfter(now.minus(Duration.ofHours(1)))).ifPresent(last -> {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "该任务一小时内已催办过, 请稍后再催");
        });
        Item item = plans.item(task.itemId()).orElseThrow();
        String audience = task.step().audience(task.unit(), task.reviewer());
        String text = note == null || note.isBlank() ? "" : TaskCompletion.clip(note.strip(), 1000);
        LocalDate day = today.date();
        String message = "【催办】" + user.displayName() + " 催办 "
                + messages.item(item.id(), item.number(), item.text(), item.deadline().due(), day)
                + (text.isEmpty() ? "" : "。附言: " + text);
        String key = "urge:" + taskId + ":" + now.toEpochMilli();
        long id = notifications.addOnce(key, item.id(), audience, "URGE", day, message, taskId, user.username()).orElseThrow();
        if (task.step().holder() == Step.Holder.UNIT) {
            outbox.send(audience, key, "【催办】第" + item.number() + "项", message);
        }
        history.record(item.id(), user.username(), task.step(), Action.URGED, task.unit(), text.isEmpty() ? null : text);
        audit.record("TASK_URGED", "item:" + item.id(), task.audited(), Map.of("note", text, "notification", id));
        return notifications.find(id).orElseThrow();
    }
}
