package cn.duban.rules;

/** Action: remind the unit about the item (提醒); {@code kind} names the occasion (DUE_SOON, OVERDUE, LAGGING…). */
public record Remind(long itemId, String itemNumber, String unit, String kind) {

    /** Every kind of reminder the rules emit, in order; its words are remind.KIND in messages.properties. */
    public static final java.util.List<String> KINDS = java.util.List.of("DUE_SOON", "DUE_TOMORROW", "DUE_TODAY", "OVERDUE",
            "LAGGING", "QUOTA", "NOT_SIGNED", "WAITING");

    public Remind(Work work, String kind) {
        this(work.getItemId(), work.getItemNumber(), work.getUnitCode(), kind);
    }

    public Remind(Waiting task, String kind) {
        this(task.getItemId(), task.getItemNumber(), task.getUnitCode(), kind);
    }

    public Remind(Quota quota, String kind) {
        this(quota.getItemId(), quota.getItemNumber(), quota.getUnitCode(), kind);
    }
}
