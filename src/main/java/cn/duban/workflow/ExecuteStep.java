package cn.duban.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.OpenTasks.OpenTask;
import cn.duban.workflow.ProgressReports.Kind;

/**
 * 办理: the unit signs for its task (签收), reports progress, uploads evidence, and hands its work in for review; a report
 * or hand-in without a signature signs for it too (the unit clearly saw the task).
 */
@Component
class ExecuteStep implements StepHandler {

    private static final int MAX_EVIDENCE = 50;

    private final OpenTasks openTasks;
    private final ProgressReports reports;
    private final Attachments attachments;
    private final ItemHistory history;
    private final TaskService engineTasks;
    private final AuditLog audit;
    private final Instructions instructions;
    private final SubTasks subTasks;

    ExecuteStep(OpenTasks openTasks, ProgressReports reports, Attachments attachments, ItemHistory history,
                TaskService engineTasks, AuditLog audit, Instructions instructions, SubTasks subTasks) {
        this.subTasks = subTasks;
        this.openTasks = openTasks;
        this.reports = reports;
        this.attachments = attachments;
        this.history = history;
        this.engineTasks = engineTasks;
        this.audit = audit;
        this.instructions = instructions;
    }

    @Override
    public Step step() {
        return Step.EXECUTE;
    }

    /** Hands the work in: a report for review, once every sub-task the unit split its work into is approved (分解). */
    @Override
    public void complete(OpenTask task, TaskCompletion body, UserAccount user) {
        long pending = subTasks.pending(task.itemId(), task.unit());
        if (pending > 0) {
            throw ApiException.conflict("本单位分解的子任务还有 " + pending + " 项未审核通过, 暂不能报送");
        }
        report(task, body, Kind.SUBMISSION, user);
        signWithReport(task, user);
        history.record(task.itemId(), user.username(), Step.EXECUTE, Action.SUBMITTED, task.unit(),
                body.summary() + " (" + body.percent() + "%)");
        engineTasks.complete(task.id());
    }

    /** An interim report, the task staying open. */
    long progress(OpenTask task, TaskCompletion body, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以报送进展");
        }
        long id = report(task, body, Kind.PROGRESS, user);
        signWithReport(task, user);
        history.record(task.itemId(), user.username(), Step.EXECUTE, Action.PROGRESS, task.unit(),
                body.summary() + " (" + body.percent() + "%)");
        audit.record("PROGRESS_REPORTED", "item:" + task.itemId(), task.audited(), body);
        return id;
    }

    /**
     * 签收: the engine's claim (the task keeps its candidate group; its assignee is who signed), the signature on the
     * task list and in the trail. Signing a task signed already changes nothing and answers its signature.
     */
    OpenTasks.Signature sign(OpenTask task, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务需要签收");
        }
        return task.signedBy() != null ? openTasks.signature(task.id()).orElseThrow() : signNow(task, user, null);
    }

    private void signWithReport(OpenTask task, UserAccount user) {
        if (task.signedBy() == null) {
            signNow(task, user, "报送时签收");
        }
    }

    private OpenTasks.Signature signNow(OpenTask task, UserAccount user, String note) {
        OpenTasks.Signature signature = new OpenTasks.Signature(user.username(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)); // as the database keeps it
        if (!openTasks.sign(task.id(), signature)) { // someone signed it a moment ago, or completed it
            return openTasks.signature(task.id()).orElseThrow(() -> ApiException.conflict("该任务已被他人办结, 请刷新查看"));
        }
        try {
            engineTasks.claim(task.id(), user.username());
        } catch (TaskAlreadyClaimedException e) {
            throw ApiException.conflict("该任务已由他人签收, 请刷新查看");
        }
        history.record(task.itemId(), user.username(), Step.EXECUTE, Action.SIGNED, task.unit(), note);
        audit.record("TASK_SIGNED", "item:" + task.itemId(), task.audited(), signature);
        return signature;
    }

    /** A file the unit will reference as evidence in its next report. */
    long attach(OpenTask task, MultipartFile file, UserAccount user) {
        if (task.step() != Step.EXECUTE) {
            throw ApiException.conflict("只有办理任务可以上传附件");
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest("附件为空");
        }
        String name = TaskCompletion.clip(file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "附件" : file.getOriginalFilename(), 300);
        try {
            long id = attachments.add(task.itemId(), task.unit(), name, contentType(file.getContentType()), file.getBytes(),
                    user.username());
            audit.record("ATTACHMENT_ADDED", "item:" + task.itemId(), task.audited(),
                    Map.of("attachment", id, "name", name, "bytes", file.getSize()));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long report(OpenTask task, TaskCompletion body, Kind kind, UserAccount user) {
        if (body.summary() == null || body.summary().isBlank()) {
            throw ApiException.badRequest("请填写进展情况 (summary)");
        }
        if (body.summary().length() > TaskCompletion.MAX_TEXT) {
            throw ApiException.badRequest("进展情况过长 (最多 " + TaskCompletion.MAX_TEXT + " 字)");
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
        List<Instructions.Instruction> open = instructions.openFor(task.itemId(), task.unit());
        String answer = body.instructionAnswer() == null ? "" : body.instructionAnswer().strip();
        if (!open.isEmpty() && answer.isEmpty()) {
            throw ApiException.badRequest("请填写领导批示的落实情况 (instructionAnswer)");
        }
        if (answer.length() > Instructions.MAX_TEXT) {
            throw ApiException.badRequest("批示落实情况 (instructionAnswer) 过长 (最多 " + Instructions.MAX_TEXT + " 字)");
        }
        long reportId = reports.add(task.itemId(), task.unit(), task.id(), kind, body.summary().trim(), body.percent(),
                evidence, user.username());
        files.forEach(id -> attachments.linkToReport(id, reportId));
        instructions.answer(open, task.unit(), answer, user);
        return reportId;
    }

    /** The declared type when it is a valid media type, else none (served as application/octet-stream). */
    private static String contentType(String declared) {
        try {
            return declared == null ? null : MediaType.parseMediaType(declared).toString();
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
