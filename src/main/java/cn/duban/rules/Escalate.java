package cn.duban.rules;

/** Action: raise the item to an escalation level (升级督办: 1 单位负责人, 2 分管领导, 3 通报), because of a unit. */
public record Escalate(long itemId, String itemNumber, String unit, int level, String reason) {

    public Escalate(Work work, int level, String reason) {
        this(work.getItemId(), work.getItemNumber(), work.getUnitCode(), level, reason);
    }

    public Escalate(Waiting task, int level, String reason) {
        this(task.getItemId(), task.getItemNumber(), task.getUnitCode(), level, reason);
    }

    public Escalate(Quota quota, int level, String reason) {
        this(quota.getItemId(), quota.getItemNumber(), quota.getUnitCode(), level, reason);
    }
}
