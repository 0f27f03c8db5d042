package cn.duban.rules;

/**
 * Fact: a quantitative requirement of an item (每年至少1次) for one unit in the current requirement period: how many
 * reports are required, how many the unit made, and the working days left until the period ends.
 */
public class Quota {

    private final long itemId;
    private final String itemNumber;
    private final String unit;
    private final int required;
    private final int done;
    private final String per;
    private final int workingDaysLeft;

    public Quota(long itemId, String itemNumber, String unit, int required, int done, String per, int workingDaysLeft) {
        this.itemId = itemId;
        this.itemNumber = itemNumber;
        this.unit = unit;
        this.required = required;
        this.done = done;
        this.per = per;
        this.workingDaysLeft = workingDaysLeft;
    }

    public long getItemId() { return itemId; }

    public String getItemNumber() { return itemNumber; }

    /** The unit (its code in the directory; "unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    public int getRequired() { return required; }

    public int getDone() { return done; }

    /** MONTH, QUARTER or YEAR. */
    public String getPer() { return per; }

    public int getWorkingDaysLeft() { return workingDaysLeft; }
}
