package cn.duban.rules;

import java.util.ArrayList;
import java.util.List;

/** Fact for rules/assign.drl: what an item names, and the reasons the rules find for the office to confirm it. */
public class AssignCheck {

    private final int unitCount;
    private final List<String> unknownUnits;
    private final boolean deadlineKnown;
    private final List<String> reasons = new ArrayList<>();

    public AssignCheck(int unitCount, List<String> unknownUnits, boolean deadlineKnown) {
        this.unitCount = unitCount;
        this.unknownUnits = List.copyOf(unknownUnits);
        this.deadlineKnown = deadlineKnown;
    }

    public int getUnitCount() {
        return unitCount;
    }

    public List<String> getUnknownUnits() {
        return unknownUnits;
    }

    public boolean isDeadlineKnown() {
        return deadlineKnown;
    }

    public void require(String reason) {
        reasons.add(reason);
    }

    public List<String> getReasons() {
        return reasons;
    }

    public boolean isNeeded() {
        return !reasons.isEmpty();
    }
}
