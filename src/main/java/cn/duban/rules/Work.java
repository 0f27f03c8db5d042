package cn.duban.rules;

import java.time.LocalDate;

/**
 * Fact: one unit's open work on one item, seen on one day. For a dated item the period runs from the plan's issue
 * to the due date; for a recurring or ongoing item it is the earliest period the unit still owes a report for.
 * Day counts are in working days, so the rules never count weekends or holidays.
 */
public class Work {

    private final long itemId;
    private final String itemNumber;
    private final String unit;
    private final LocalDate due;
    private final boolean recurring;
    private final int workingDaysLeft;
    private final int overdueWorkingDays;
    private final int elapsedPercent;
    private final int percent;
    private final int returnCount;
    private final int escalationLevel;

    public Work(long itemId, String itemNumber, String unit, LocalDate due, boolean recurring, int workingDaysLeft,
                int overdueWorkingDays, int elapsedPercent, int percent, int returnCount, int escalationLevel) {
        this.itemId = itemId;
        this.itemNumber = itemNumber;
        this.unit = unit;
        this.due = due;
        this.recurring = recurring;
        this.workingDaysLeft = workingDaysLeft;
        this.overdueWorkingDays = overdueWorkingDays;
        this.elapsedPercent = elapsedPercent;
        this.percent = percent;
        this.returnCount = returnCount;
        this.escalationLevel = escalationLevel;
    }

    /** The unit's work on {@code today} in the period it owes a report for, with the day counts worked out. */
    public static Work on(LocalDate today, long itemId, String itemNumber, String unit, Periods.Period period,
                          boolean recurring, int percent, int returnCount, int escalationLevel, WorkCalendar calendar) {
        int left = calendar.workingDaysBetween(today, period.end());
        int overdue = today.isAfter(period.end()) ? Math.max(1, -left) : 0;
        int total = Math.max(1, calendar.workingDaysBetween(period.start(), period.end()));
        int elapsed = Math.max(0, calendar.workingDaysBetween(period.start(), today));
        return new Work(itemId, itemNumber, unit, period.end(), recurring, Math.max(0, left), overdue,
                Math.min(100, elapsed * 100 / total), percent, returnCount, escalationLevel);
    }

    public long getItemId() { return itemId; }

    public String getItemNumber() { return itemNumber; }

    /** The unit (its code in the directory; "unit" is a DRL keyword). */
    public String getUnitCode() { return unit; }

    /** The date the current report is due: the item's due date, or the end of the period owed. */
    public LocalDate getDue() { return due; }

    public boolean isRecurring() { return recurring; }

    /** Working days after today up to the due date: 0 on the due day (and after it). */
    public int getWorkingDaysLeft() { return workingDaysLeft; }

    /** Working days since the due date passed; 0 while not overdue. */
    public int getOverdueWorkingDays() { return overdueWorkingDays; }

    /** How much of the period has gone by, in percent of its working days. */
    public int getElapsedPercent() { return elapsedPercent; }

    /** The progress the unit last reported in this period, in percent. */
    public int getPercent() { return percent; }

    public int getReturnCount() { return returnCount; }

    /** The item's current escalation level: 0 none, 1 单位负责人, 2 分管领导, 3 通报. */
    public int getEscalationLevel() { return escalationLevel; }
}
