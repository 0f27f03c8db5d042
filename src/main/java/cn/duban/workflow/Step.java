package cn.duban.workflow;

import cn.duban.org.Role;

/**
 * 交办 → 办理 → 审核 → 办结报告, 督办 (SUPERVISE) when an item is escalated, 延期审批 (EXTEND) when a unit asks for
 * a later due date, the look-back's 整改说明 (RECTIFY) and 核实 (VERIFY), and a sub-task's 审核 by the parent unit
 * (SUB_REVIEW, 分解); every user task names its step, and each step who holds it ({@link TaskAccess}).
 */
public enum Step {
    ASSIGN(Holder.OFFICE), EXECUTE(Holder.UNIT), REVIEW(Holder.REVIEWERS), SUPERVISE(Holder.REVIEWERS), EXTEND(Holder.REVIEWERS),
    RECTIFY(Holder.UNIT), VERIFY(Holder.REVIEWERS), REPORT(Holder.OFFICE), SUB_REVIEW(Holder.PARENT_UNIT);

    /**
     * Who acts on the step: the office (ADMIN) alone, the reviewers (ADMIN, SUPERVISOR), the task's unit, or the unit
     * reviewing a sub-task (the parent of the task's unit); ADMIN acts on every step.
     */
    public enum Holder { OFFICE, REVIEWERS, UNIT, PARENT_UNIT }

    private final Holder holder;

    Step(Holder holder) {
        this.holder = holder;
    }

    public Holder holder() {
        return holder;
    }

    /** Who hears of a task of this step (reminders, urges): its unit, the reviewing unit, the supervisors or the office. */
    public String audience(String unit, String reviewer) {
        return switch (holder) {
            case UNIT -> unit;
            case PARENT_UNIT -> reviewer;
            case OFFICE -> Role.ADMIN.name();
            case REVIEWERS -> Role.SUPERVISOR.name();
        };
    }
}
