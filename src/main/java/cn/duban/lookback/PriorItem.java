package cn.duban.lookback;

/**
 * Fact: how one unit's work on one of last year's items ended — the facts the look-back rules (rules/lookback.drl)
 * decide on.
 */
public class PriorItem {

    private final long itemId;
    private final String itemNumber;
    private final String unit;
    private final boolean completed;
    private final boolean late;
    private final int returns;
    private final boolean explicitDuty;
    private final boolean deduction;
    private final boolean recurring;
    private final int missingPeriods;
    private final int quotaRequired;
    private final int quotaDone;
    private final boolean extended;

    public PriorItem(long itemId, String itemNumber, String unit, boolean completed, boolean late, int returns,
                     boolean explicitDuty, boolean deduction, boolean recurring, int missingPeriods, int quotaRequired,
                     int quotaDone, boolean extended) {
        this.itemId = itemId;
        this.itemNumber = itemNumber;
        this.unit = unit;
        this.completed = completed;
        this.late = late;
        this.returns = returns;
        this.explicitDuty = explicitDuty;
        this.deduction = deduction;
        this.recurring = recurring;
        this.missingPeriods = missingPeriods;
        this.quotaRequired = quotaRequired;
        this.quotaDone = quotaDone;
        this.extended = extended;
    }

    public long getItemId() { return itemId; }

    public String getItemNumber() { return itemNumber; }

    /** The unit ("unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    /** Whether the unit's work was finished (approved) by year end. */
    public boolean isCompleted() { return completed; }

    /** Finished, but after the unit's due date (the extended one, when its part was extended). */
    public boolean isLate() { return late; }

    public int getReturns() { return returns; }

    /** The item named a responsible unit and a time requirement (a date or year end). */
    public boolean isExplicitDuty() { return explicitDuty; }

    /** The office marked it an assessment deduction point (考核失分点). */
    public boolean isDeduction() { return deduction; }

    public boolean isRecurring() { return recurring; }

    /** Periods of a recurring item the unit never reported for. */
    public int getMissingPeriods() { return missingPeriods; }

    /** Reports a quantitative requirement asked for in the year (0: none), and how many the unit made. */
    public int getQuotaRequired() { return quotaRequired; }

    public int getQuotaDone() { return quotaDone; }

    /** Finished after the item's due date, by the later date of an approved extension (延期) of the unit's part. */
    public boolean isExtended() { return extended; }
}
