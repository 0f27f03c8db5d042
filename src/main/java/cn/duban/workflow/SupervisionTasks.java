package cn.duban.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.system.Today;
import cn.duban.lookback.LookBackCases;
import cn.duban.notify.Messages;
import cn.duban.notify.Notifications;
import cn.duban.notify.Outbox;
import cn.duban.org.Role;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.ItemEdit;
import cn.duban.plan.PlanService;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;
import cn.duban.workflow.OpenTasks.TaskView;
import cn.duban.workflow.ProgressReports.Decision;
import cn.duban.workflow.ProgressReports.Kind;

/** What users do with their open tasks: report progress, hand in, review, confirm an assignment. */
@Service
public class SupervisionTasks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupervisionTasks.class);

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_EVIDENCE = 50;
    /** How often a completion meeting a concurrent one on the same item is tried. */
    private static final int ATTEMPTS = 5;

    private final OpenTasks openTasks;
    private final TaskService engineTasks;
    private final ProgressReports reports;
    private final Attachments attachments;
    private final ItemHistory history;
    private final PlanStore plans;
    private final PlanService planService;
    private final Notifications notifications;
    private final LookBackCases lookBackCases;
    private final Outbox outbox;
    private final Messages messages;
    private final Today today;

    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DailySweep sweep;

    public SupervisionTasks(OpenTasks openTasks, TaskService engineTasks, ProgressReports reports,
                            Attachments attachments, ItemHistory history, PlanStore plans, PlanService planService,
                            Notifications notifications, LookBackCases lookBackCases, Outbox outbox, Messages messages,
                            Today today, AuditLog audit, PlatformTransactionManager transactionManager, DailySweep sweep) {
        this.sweep = sweep;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.openTasks = openTasks;
        this.engineTasks = engineTasks;
        this.reports = reports;
        this.attachments = attachments;
        this.history = history;
        this.plans = plans;
        this.planService = planService;
        this.notifications = notifications;
        this.lookBackCases = lookBackCases;
        this.outbox = outbox;
        this.messages = messages;
        this.today = today;
    }

    public List<TaskView> list(UserAccount user, Long planId, Step step, String unit) {
        return openTasks.forUser(user, planId, step, unit);
    }

    /**
     * Completes a task: the step decides what the body must hold and where the process goes next. Tasks of one item
     * completed at the same moment (two 督办, a 督办 and a review) touch sibling executions of its process, and one
     * of them meets the engine's optimistic-locking conflict: that one is tried again, each attempt in a transaction
     * of its own (so nothing of a failed attempt is recorded), after a short random pause. The task itself
     * completed by someone else in the meantime is refused (409).
     */
    public void complete(String taskId, TaskCompletion body, UserAccount user) {
        for (int attempt = 1; ; attempt++) {
            try {
                colour(transactions.execute(status -> completeOnce(taskId, body, user)));
                return;
            } catch (OptimisticLockingException | NullValueException e) { // NullValueException: the engine lost the task
                if (openTasks.find(taskId).isEmpty()) {
                    throw ApiException.conflict("该任务已被他人办结, 请刷新查看");
                }
                if (e instanceof NullValueException) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw ApiException.conflict("该事项正被他人同时办理, 请稍后重试");
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes the task; returns its item. */
    private long completeOnce(String taskId, TaskCompletion body, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        switch (task.step()) {
            case EXECUTE -> {
                report(task, body, Kind.SUBMISSION, user);
                history.record(task.itemId(), user.username(), Step.EXECUTE, Action.SUBMITTED, task.unit(),
                        body.summary() + " (" + body.percent() + "%)");
                engineTasks.complete(taskId);
            }
            case REVIEW -> review(task, body, user);
            case ASSIGN -> assign(task, body, user);
            case RECTIFY -> {
                if (body.summary() == null || body.summary().isBlank()) {
                    throw ApiException.badRequest("请说明事项办理情况 (summary)");
                }
                if (body.rectification() != null && !body.rectification().isBlank() && body.due() == null) {
                    throw ApiException.badRequest("整改计划须有整改时限 (due)");
                }
                long caseId = caseId(taskId);
                lookBackCases.explain(caseId, truncate(body.summary().strip(), MAX_TEXT),
                        body.rectification() == null ? null : truncate(body.rectification().strip(), MAX_TEXT), body.due());
                history.record(task.itemId(), user.username(), Step.RECTIFY, Action.EXPLAINED, task.unit(), body.summary());
                engineTasks.complete(taskId);
            }
            case VERIFY -> {
                String decision = String.valueOf(body.decision());
                if (!List.of("RESOLVED", "RECTIFY", "RETURN").contains(decision)) {
                    throw ApiException.badRequest("核实结论 (decision) 须为 RESOLVED、RECTIFY 或 RETURN");
                }
                long caseId = caseId(taskId);
                LookBackCases.Case c = lookBackCases.find(caseId).orElseThrow();
                if (decision.equals("RECTIFY") && (c.rectification() == null || c.rectifyBy() == null)) {
                    throw ApiException.badRequest("单位尚未提交带时限的整改计划: 请退回 (RETURN) 补充");
                }
                String comment = body.comment() == null ? null : truncate(body.comment().strip(), 4000);
                lookBackCases.verify(caseId, decision, user.username(), comment);
                engineTasks.complete(taskId, Map.of("decision", decision));
            }
            case SUPERVISE -> {
                String comment = body.comment() == null || body.comment().isBlank() ? null : truncate(body.comment().trim(), 4000);
                history.record(task.itemId(), user.username(), Step.SUPERVISE, Action.SUPERVISED, task.unit(), comment);
                engineTasks.complete(taskId);
            }
            default -> throw ApiException.conflict("该任务不能在此办理");
        }
        audit.record("TASK_COMPLETED", "item:" + task.itemId(), open(task), body);
        return task.itemId();
    }

    /** The look-back case a RECTIFY or VERIFY task is about. */
    private long caseId(String taskId) {
        return ((Number) engineTasks.getVariable(taskId, "caseId")).longValue();
    }

    /** The look-back case of a RECTIFY or VERIFY task (what the unit explained, for the supervisor to verify). */
    public java.util.Optional<LookBackCases.Case> lookBackCase(TaskView task) {
        return task.step() == Step.RECTIFY || task.step() == Step.VERIFY
                ? lookBackCases.find(caseId(task.id())) : java.util.Optional.empty();
    }

    /** An open task as the audit log shows the state before an action on it. */
    private static Map<String, Object> open(OpenTask task) {
        Map<String, Object> open = new java.util.LinkedHashMap<>();
        open.put("task", task.id());
        open.put("step", task.step());
        open.put("unit", task.unit());
        return open;
    }

    /** Records an interim progress report on an EXECUTE task without handing it in. */
    public long progress(String taskId, TaskCompletion body, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        long id = transactions.execute(status -> progressOnce(task, body, user));
        colour(task.itemId());
        return id;
    }

    /**
     * The item's colour after a report or a review, at once rather than at the next morning's sweep: once the
     * action is committed, in a transaction of its own, so that colouring never undoes the action (should it fail,
     * the sweep colours the item the next morning).
     */
    private void colour(long itemId) {
        try {
            sweep.colourItem(itemId, today.date());
        } catch (RuntimeException e) { // the action stands; the next sweep colours the item
            log.warn("Item {} not coloured after a task: {}", itemId, e.toString());
        }
    }

    private long progressOnce(OpenTask task, TaskCompletion body, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以报送进展");
        }
        long id = report(task, body, Kind.PROGRESS, user);
        history.record(task.itemId(), user.username(), Step.EXECUTE, Action.PROGRESS, task.unit(),
                body.summary() + " (" + body.percent() + "%)");
        audit.record("PROGRESS_REPORTED", "item:" + task.itemId(), open(task), body);
        return id;
    }

    /** Stores a file a unit will reference as evidence in its next report. */
    @Transactional
    public long attach(String taskId, MultipartFile file, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以上传附件");
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest("附件为空");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "附件" : file.getOriginalFilename();
        try {
            long id = attachments.add(task.itemId(), task.unit(), truncate(name, 300), contentType(file.getContentType()),
                    file.getBytes(), user.username());
            audit.record("ATTACHMENT_ADDED", "item:" + task.itemId(), open(task),
                    Map.of("attachment", id, "name", truncate(name, 300), "bytes", file.getSize()));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long report(OpenTask task, TaskCompletion body, Kind kind, UserAccount user) {
        if (body.summary() == null || body.summary().isBlank()) {
            throw ApiException.badRequest("请填写进展情况 (summary)");
        }
        if (body.summary().length() > MAX_TEXT) {
            throw ApiException.badRequest("进展情况过长 (最多 " + MAX_TEXT + " 字)");
        }
        if (body.percent() == null || body.percent() < 0 || body.percent() > 100) {
            throw ApiException.badRequest("完成进度 (percent) 须为 0 到 100 之间的整数");
        }
        List<String> evidence = body.evidence() == null ? List.of() : body.evidence().stream()
                .filter(e -> e != null && !e.isBlank()).map(String::trim).toList();
        if (evidence.size() > MAX_EVIDENCE) {
            throw ApiException.badRequest("佐证材料 (evidence) 至多 " + MAX_EVIDENCE + " 条");
        }
        evidence.forEach(Links::check);
        List<Long> files = body.attachments() == null ? List.of() : body.attachments();
        for (Long id : files) {
            attachments.find(id == null ? -1 : id)
                    .filter(a -> a.itemId() == task.itemId() && task.unit().equals(a.unit()) && a.reportId() == null)
                    .orElseThrow(() -> ApiException.badRequest("附件不存在或不属于本任务: " + id));
        }
        long reportId = reports.add(task.itemId(), task.unit(), task.id(), kind, body.summary().trim(), body.percent(),
                evidence, user.username());
        files.forEach(id -> attachments.linkToReport(id, reportId));
        return reportId;
    }

    private void review(OpenTask task, TaskCompletion body, UserAccount user) {
        Decision decision;
        try {
            decision = Decision.valueOf(String.valueOf(body.decision()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("审核结论 (decision) 须为 APPROVE 或 RETURN");
        }
        String comment = body.comment() == null ? null : truncate(body.comment().trim(), 4000);
        if (decision == Decision.RETURN && (comment == null || comment.isEmpty())) {
            throw ApiException.badRequest("退回时须填写意见 (comment)");
        }
        ProgressReports.Report report = reports.awaitingReview(task.itemId(), task.unit())
                .orElseThrow(() -> ApiException.conflict("没有待审核的报送"));
        reports.review(report.id(), decision, user.username(), comment);
        if (decision == Decision.RETURN) {
            plans.countReturn(task.itemId());
        } else {
            plans.setEscalationLevel(task.itemId(), 0); // the owed report is in: escalation starts over
        }
        history.record(task.itemId(), user.username(), Step.REVIEW,
                decision == Decision.APPROVE ? Action.APPROVED : Action.RETURNED, task.unit(), comment);
        engineTasks.complete(task.id(), Map.of("approved", decision == Decision.APPROVE));
    }

    private void assign(OpenTask task, TaskCompletion body, UserAccount user) {
        Item item = plans.item(task.itemId()).orElseThrow();
        String confirmed = planService.apply(item, ItemEdit.units(body.leadUnits(), body.responsibleUnits(),
                body.cooperatingUnits(), body.due()));
        if (plans.item(item.id()).orElseThrow().deadline().due() == null) {
            throw ApiException.badRequest("请确认完成时限 (due)");
        }
        history.record(item.id(), user.username(), Step.ASSIGN, Action.ASSIGNED, null, confirmed);
        engineTasks.complete(task.id());
    }

    /**
     * 催办: the office or a supervisor urges whoever holds an open task — its unit, the supervisors or the office —
     * with a note, at once and at most once an hour per task.
     */
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
        String audience = task.step() == Step.EXECUTE ? task.unit()
                : task.step() == Step.ASSIGN ? Role.ADMIN.name() : Role.SUPERVISOR.name();
        String text = note == null || note.isBlank() ? "" : truncate(note.strip(), 1000);
        LocalDate today = this.today.date();
        String message = "【催办】" + (user.name() == null ? user.username() : user.name()) + " 催办 "
                + messages.item(item.id(), item.number(), item.text(), item.deadline().due(), today)
                + (text.isEmpty() ? "" : "。附言: " + text);
        String key = "urge:" + taskId + ":" + now.toEpochMilli();
        long id = notifications.addOnce(key, item.id(), audience, "URGE", today, message, taskId, user.username()).orElseThrow();
        if (task.step() == Step.EXECUTE) {
            outbox.send(audience, key, "【催办】第" + item.number() + "项", message);
        }
        history.record(item.id(), user.username(), task.step(), Action.URGED, task.unit(), text.isEmpty() ? null : text);
        audit.record("TASK_URGED", "item:" + item.id(), open(task), Map.of("note", text, "notification", id));
        return notifications.find(id).orElseThrow();
    }

    /** Whether the user may act on this task (the same rule the API applies). */
    public boolean canAct(TaskView task, UserAccount user) {
        return allowed(task.step(), task.unit(), user);
    }

    private OpenTask authorize(String taskId, UserAccount user) {
        OpenTask task = openTasks.find(taskId).orElseThrow(() -> ApiException.notFound("任务不存在或已办结: " + taskId));
        if (!allowed(task.step(), task.unit(), user)) {
            throw ApiException.forbidden("无权办理该任务");
        }
        return task;
    }

    private static boolean allowed(Step step, String unit, UserAccount user) {
        return switch (step) {
            case ASSIGN -> user.isAdmin();
            case REVIEW, SUPERVISE, VERIFY -> user.canReview();
            case EXECUTE, RECTIFY -> user.isAdmin() || user.units().contains(unit);
            default -> false;
        };
    }

    /** The declared type when it is a valid media type, else none (served as application/octet-stream). */
    private static String contentType(String declared) {
        try {
            return declared == null ? null : MediaType.parseMediaType(declared).toString();
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
