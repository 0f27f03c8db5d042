package cn.duban.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Fact: a unit's request for a later due date on its part of an item (延期申请), as it is asked: how many extensions of
 * the unit's part were approved before, and how many working days later than its due the new date lies. The decision
 * table rules/extension.drl.csv refuses what goes beyond the office's limits ({@link #refuse}).
 */
public class ExtensionRequest {

    private final long itemId;
    private final String unit;
    private final int approvedBefore;
    private final int workingDaysLater;
    private final List<String> refusals = new ArrayList<>();

    public ExtensionRequest(long itemId, String unit, int approvedBefore, int workingDaysLater) {
        this.itemId = itemId;
        this.unit = unit;
        this.approvedBefore = approvedBefore;
        this.workingDaysLater = workingDaysLater;
    }

    public long getItemId() { return itemId; }

    /** The unit (its code in the directory; "unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    /** Extensions of the unit's part of the item approved before this one. */
    public int getApprovedBefore() { return approvedBefore; }

    /** Working days from the unit's current due date to the date asked for. */
    public int getWorkingDaysLater() { return workingDaysLater; }

    /** A rule refuses the request, saying why. */
    public void refuse(String reason) {
        refusals.add(reason);
    }

    /** Why the rules refused the request; empty when they allow it. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }
}
