package cn.duban.lookback;

/**
 * Action: a look-back check (回头看核查) of one of last year's items for one unit — NOT_COMPLETED, COMPLETED_LATE,
 * RETURNED_REPEATEDLY, EXPLICIT_DUTY, DEDUCTION_POINT, MISSING_PERIOD or QUOTA_UNMET — with the reason.
 */
public record Check(long itemId, String itemNumber, String unit, String finding, String reason) {

    /** A finding's name in the office's words (未办结, 逾期办结…: finding.FINDING in messages.properties). */
    public static String label(String finding) {
        return cn.duban.system.Words.chinese("finding", finding);
    }

    public Check(PriorItem item, String finding, String reason) {
        this(item.getItemId(), item.getItemNumber(), item.getUnitCode(), finding, reason);
    }
}
