package cn.duban.workflow;

import cn.duban.org.Role;

/**
 * 交办 → 办理 → 审核 → 办结报告, 督办 (SUPERVISE) when an item is escalated, 延期审批 (EXTEND) when a unit asks for
 * a later due date, and the look-back's 整改说明 (RECTIFY) and
 * 核实 (VERIFY); every user task names its step, and each step who holds it ({@link TaskAccess}).
 */
public enum Step {
    ASSIGN(Holder.OFFICE), EXECUTE(Holder.UNIT), REVIEW(Holder.REVIEWERS), SUPERVISE(Holder.REVIEWERS), EXTEND(Holder.REVIEWERS),
    RECTIFY(Holder.UNIT), VERIFY(Holder.REVIEWERS), REPORT(Holder.OFFICE);

    /** Who acts on the step: the office (ADMIN) alone, the reviewers (ADMIN, SUPERVISOR), or the task's unit (and ADMIN for it). */
    public enum Holder { OFFICE, REVIEWERS, UNIT }

    private final Holder holder;

    Step(Holder holder) {
        this.holder = holder;
    }

    public Holder holder() {
        return holder;
    }

    /** Who hears of a task of this step (reminders, urges): its unit, the supervisors or the office. */
    public String audience(String unit) {
        return switch (holder) {
            case UNIT -> unit;
            case OFFICE -> Role.ADMIN.name();
            case REVIEWERS -> Role.SUPERVISOR.name();
        };
    }
}
