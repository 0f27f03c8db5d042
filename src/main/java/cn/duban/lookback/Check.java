package cn.duban.lookback;

/**
 * Action: a look-back check (回头看核查) of one of last year's items for one unit — NOT_COMPLETED, COMPLETED_LATE,
 * RETURNED_REPEATEDLY, EXPLICIT_DUTY, DEDUCTION_POINT, MISSING_PERIOD or QUOTA_UNMET — with the reason.
 */
public record Check(long itemId, String itemNumber, String unit, String finding, String reason) {

    public Check(PriorItem item, String finding, String reason) {
        this(item.getItemId(), item.getItemNumber(), item.getUnitCode(), finding, reason);
    }
}
