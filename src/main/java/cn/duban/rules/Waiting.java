package cn.duban.rules;

/**
 * Fact: an open task waiting for its holder, so many working days after it opened: a unit's 办理 task nobody signed
 * for yet (step EXECUTE, {@code unitCode} the unit), or a task in the office's or the supervisors' queue (ASSIGN,
 * REVIEW, VERIFY…; {@code unitCode} the audience that holds it: ADMIN or SUPERVISOR). The decision tables
 * rules/signing.drl.csv and rules/queue.drl.csv remind and escalate by step and working days.
 */
public class Waiting {

    private final long itemId;
    private final String itemNumber;
    private final String step;
    private final String unit;
    private final int workingDays;

    public Waiting(long itemId, String itemNumber, String step, String unit, int workingDays) {
        this.itemId = itemId;
        this.itemNumber = itemNumber;
        this.step = step;
        this.unit = unit;
        this.workingDays = workingDays;
    }

    public long getItemId() { return itemId; }

    public String getItemNumber() { return itemNumber; }

    /** The task's step (ASSIGN, EXECUTE, REVIEW, VERIFY…). */
    public String getStep() { return step; }

    /** Who holds the task: the unit's code, or ADMIN / SUPERVISOR ("unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    /** Working days from the day the task opened to today: 0 on that day. */
    public int getWorkingDays() { return workingDays; }
}
