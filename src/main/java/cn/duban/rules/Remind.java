package cn.duban.rules;

/** Action: remind the unit about the item (提醒); {@code kind} names the occasion (DUE_SOON, OVERDUE, LAGGING…). */
public record Remind(long itemId, String itemNumber, String unit, String kind) {

    /** Every kind of reminder the rules emit, in order, with its name in messages. */
    public static final java.util.Map<String, String> LABELS;

    static {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("DUE_SOON", "即将到期");
        labels.put("DUE_TOMORROW", "明天到期");
        labels.put("DUE_TODAY", "今天到期");
        labels.put("OVERDUE", "已逾期");
        labels.put("LAGGING", "进度滞后");
        labels.put("QUOTA", "尚未达到次数要求");
        LABELS = java.util.Collections.unmodifiableMap(labels);
    }

    /** Every kind of reminder the rules emit. */
    public static final java.util.List<String> KINDS = java.util.List.copyOf(LABELS.keySet());

    public Remind(Work work, String kind) {
        this(work.getItemId(), work.getItemNumber(), work.getUnitCode(), kind);
    }

    public Remind(Quota quota, String kind) {
        this(quota.getItemId(), quota.getItemNumber(), quota.getUnitCode(), kind);
    }
}
