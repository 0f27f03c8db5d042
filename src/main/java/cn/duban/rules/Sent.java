package cn.duban.rules;

/** Fact: a reminder of this kind already went to the unit about the item, so many working days ago. */
public class Sent {

    private final long itemId;
    private final String unit;
    private final String kind;
    private final int workingDaysAgo;

    public Sent(long itemId, String unit, String kind, int workingDaysAgo) {
        this.itemId = itemId;
        this.unit = unit;
        this.kind = kind;
        this.workingDaysAgo = workingDaysAgo;
    }

    public long getItemId() { return itemId; }

    /** The unit (its code in the directory; "unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    public String getKind() { return kind; }

    public int getWorkingDaysAgo() { return workingDaysAgo; }
}
