package cn.duban.workflow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Today;
import cn.duban.workflow.OpenTasks.OpenTask;
import cn.duban.workflow.OpenTasks.TaskView;

/**
 * What users do with their open tasks: the caller's list, and a task completed by its step's handler
 * ({@link StepHandler}) once {@link TaskAccess} allows the caller; 办理's interim reports and files.
 */
@Service
public class SupervisionTasks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SupervisionTasks.class);

    /** How often a completion meeting a concurrent one on the same item is tried. */
    private static final int ATTEMPTS = 5;

    private final OpenTasks openTasks;
    private final Map<Step, StepHandler> handlers = new EnumMap<>(Step.class);
    private final ExecuteStep execute;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final DailySweep sweep;
    private final Today today;
    private final ExtensionRequests extensionRequests;
    private final SubTasks subTasks;

    SupervisionTasks(OpenTasks openTasks, List<StepHandler> handlers, ExecuteStep execute, AuditLog audit,
                     PlatformTransactionManager transactionManager, DailySweep sweep, Today today, ExtensionRequests extensionRequests,
                     SubTasks subTasks) {
        this.extensionRequests = extensionRequests;
        this.subTasks = subTasks;
        this.openTasks = openTasks;
        handlers.forEach(h -> this.handlers.put(h.step(), h));
        this.execute = execute;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sweep = sweep;
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
        StepHandler handler = handlers.get(task.step());
        if (handler == null) {
            throw ApiException.conflict("该任务不能在此办理");
        }
        handler.complete(task, body, user);
        audit.record("TASK_COMPLETED", "item:" + task.itemId(), task.audited(), body);
        return task.itemId();
    }

    /** Records an interim progress report on an EXECUTE task without handing it in. */
    public long progress(String taskId, TaskCompletion body, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        long id = transactions.execute(status -> execute.progress(task, body, user));
        colour(task.itemId());
        return id;
    }

    /** 签收: the unit signs for its EXECUTE task; signing it again answers the first signature. */
    public OpenTasks.Signature sign(String taskId, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        return transactions.execute(status -> execute.sign(task, user));
    }

    /** 延期申请: the task's unit asks for a later due date for its part; the supervisors decide it (EXTEND). */
    public Extensions.Extension extension(String taskId, java.time.LocalDate due, String reason, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        return transactions.execute(status -> extensionRequests.request(task, due, reason, user));
    }

    /** 分解: the unit splits its 办理 task among its child units, one sub-task each (see {@link SubTasks}). */
    public List<SubTasks.SubTask> split(String taskId, SubTasks.Split body, UserAccount user) {
        OpenTask task = authorize(taskId, user);
        return transactions.execute(status -> subTasks.split(task, body, user));
    }

    /** Stores a file a unit will reference as evidence in its next report. */
    @Transactional
    public long attach(String taskId, MultipartFile file, UserAccount user) {
        return execute.attach(authorize(taskId, user), file, user);
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

    /** Whether the user may act on this task (the same rule the API applies). */
    public boolean canAct(TaskView task, UserAccount user) {
        return TaskAccess.allows(task.step(), task.unit(), task.reviewer(), user);
    }

    private OpenTask authorize(String taskId, UserAccount user) {
        OpenTask task = openTasks.find(taskId).orElseThrow(() -> ApiException.notFound("任务不存在或已办结: " + taskId));
        if (!TaskAccess.allows(task.step(), task.unit(), task.reviewer(), user)) {
            throw ApiException.forbidden("无权办理该任务");
        }
        return task;
    }
}
