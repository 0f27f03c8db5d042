package cn.duban.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/tasks/{id}/complete (and /progress). Which fields count depends on the task's step:
 * EXECUTE: summary, percent, evidence (links), attachments (ids of uploaded files), instructionAnswer (how the open
 * 领导批示 to the unit were carried out: required while one is open);
 * REVIEW: decision (APPROVE or RETURN), comment (required to return); SUPERVISE (督办): comment;
 * ASSIGN: leadUnits, responsibleUnits, cooperatingUnits (unit codes, names or group names), due;
 * RECTIFY (回头看 说明): summary (the item's status), rectification (the plan), due (rectify by);
 * VERIFY (核实): decision (RESOLVED, RECTIFY — carry into this year — or RETURN), comment;
 * EXTEND (延期审批): decision (APPROVE or REJECT), comment (required to reject).
 */
public record TaskCompletion(String summary, Integer percent, List<String> evidence, List<Long> attachments,
                             String decision, String comment, List<String> leadUnits, List<String> responsibleUnits,
                             List<String> cooperatingUnits, LocalDate due, String rectification,
                             String instructionAnswer) {

    /** The longest text kept of a report's summary or a look-back explanation. */
    public static final int MAX_TEXT = 10_000;
    /** The longest comment kept of a review, 督办 or verification. */
    public static final int MAX_COMMENT = 4000;

    /** The comment stripped and cut to {@code max}; none when blank. */
    public String comment(int max) {
        return comment == null || comment.isBlank() ? null : clip(comment.strip(), max);
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** A hand-in or progress report of a summary and a percentage alone. */
    public static TaskCompletion report(String summary, int percent) {
        return new TaskCompletion(summary, percent, List.of(), List.of(), null, null, null, null, null, null, null, null);
    }

    /** A decision with its comment (REVIEW, VERIFY) or a comment alone (SUPERVISE). */
    public static TaskCompletion decision(String decision, String comment) {
        return new TaskCompletion(null, null, List.of(), List.of(), decision, comment, null, null, null, null, null, null);
    }
}
