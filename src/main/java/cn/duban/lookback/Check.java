package cn.duban.lookback;

/**
 * Action: a look-back check (回头看核查) of one of last year's items for one unit — NOT_COMPLETED, COMPLETED_LATE,
 * RETURNED_REPEATEDLY, EXPLICIT_DUTY, DEDUCTION_POINT, MISSING_PERIOD or QUOTA_UNMET — with the reason.
 */
public record Check(long itemId, String itemNumber, String unit, String finding, String reason) {

    private static final java.util.Map<String, String> LABELS = java.util.Map.of("NOT_COMPLETED", "未办结",
            "COMPLETED_LATE", "逾期办结", "RETURNED_REPEATEDLY", "多次退回", "EXPLICIT_DUTY", "有明确责任和时限",
            "DEDUCTION_POINT", "考核失分点", "MISSING_PERIOD", "缺报", "QUOTA_UNMET", "次数未达标");

    /** A finding's name in the office's words (未办结, 逾期办结…). */
    public static String label(String finding) {
        return LABELS.getOrDefault(finding, finding);
    }

    public Check(PriorItem item, String finding, String reason) {
        this(item.getItemId(), item.getItemNumber(), item.getUnitCode(), finding, reason);
    }
}
