package cn.duban.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.Requirement;

/**
 * The reporting periods of an item in its plan year. A dated item has one period, from the start of supervision
 * to its due date. A recurring item reports every month, quarter, half year or year; an ongoing item (常态化) and one kept
 * up to date as things happen (及时更新) are checked every quarter.
 */
public final class Periods {

    public record Period(LocalDate start, LocalDate end) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /**
     * A period as the pages name it: {@code kind} MONTH (n: the month), QUARTER (n: 1–4), HALF (n: 1–2) or YEAR, from
     * the month it ends in and how many months such periods last.
     */
    public record Named(String kind, int n) {}

    private Periods() {}

    /**
     * The period a unit owes on an item after {@code approved} approved reports (the last one once all are in), or
     * null for an item with a single period: a dated item is owed by its due date.
     */
    public static Period owed(Deadline deadline, LocalDate issuedOn, int year, int approved) {
        List<Period> periods = ofItem(deadline, issuedOn, year);
        return months(effective(deadline, year)) == 0 ? null : periods.get(Math.min(approved, periods.size() - 1));
    }

    /** The name of a recurring or ongoing item's period: 7月, 第3季度, 下半年, 全年. */
    public static Named name(Deadline deadline, Period period) {
        int months = months(deadline);
        int end = period.end().getMonthValue();
        return switch (months) {
            case 1 -> new Named("MONTH", end);
            case 3 -> new Named("QUARTER", end / 3);
            case 6 -> new Named("HALF", end / 6);
            default -> new Named("YEAR", 1);
        };
    }

    /** How many months a period of the deadline lasts, 0 for a dated deadline (one period). */
    private static int months(Deadline deadline) {
        return switch (deadline.kind()) {
            case RECURRING -> deadline.frequency() == Deadline.Frequency.MONTHLY ? 1
                    : deadline.frequency() == Deadline.Frequency.HALF_YEARLY ? 6
                    : deadline.frequency() == Deadline.Frequency.YEARLY ? 12 : 3;
            case ONGOING -> 3;
            default -> 0;
        };
    }

    /** Supervision of a plan year starts on the plan's issue date, or on 1 January when it was issued another year. */
    public static LocalDate start(LocalDate issuedOn, int year) {
        return issuedOn != null && issuedOn.getYear() == year ? issuedOn : LocalDate.of(year, 1, 1);
    }

    /** The periods of an item; an item without a deadline is taken as due at year end. */
    public static List<Period> ofItem(Deadline deadline, LocalDate issuedOn, int year) {
        return of(effective(deadline, year), start(issuedOn, year), year);
    }

    private static Deadline effective(Deadline deadline, int year) {
        return deadline.kind() == Deadline.Kind.NONE || deadline.due() == null
                ? new Deadline(Deadline.Kind.YEAR_END, LocalDate.of(year, 12, 31), null, null, List.of()) : deadline;
    }

    public static List<Period> of(Deadline deadline, LocalDate start, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        int months = months(deadline);
        if (months == 0) {
            LocalDate due = deadline.due() == null ? yearEnd : deadline.due();
            return List.of(new Period(start.isAfter(due) ? due : start, due));
        }
        return calendarPeriods(months, start, year);
    }

    /** The requirement periods (每月, 每季度, 每年) of the year that end after {@code start}. */
    public static List<Period> of(Requirement.Per per, LocalDate start, int year) {
        int months = per == Requirement.Per.MONTH ? 1 : per == Requirement.Per.QUARTER ? 3 : 12;
        return calendarPeriods(months, start, year);
    }

    /**
     * Calendar periods of {@code months} months that end on or after {@code start}; a first period shorter than half
     * a period (a plan issued late in a quarter) is folded into the next one.
     */
    private static List<Period> calendarPeriods(int months, LocalDate start, int year) {
        List<Period> periods = new ArrayList<>();
        for (int m = 1; m <= 12; m += months) {
            LocalDate from = LocalDate.of(year, m, 1);
            LocalDate to = YearMonth.of(year, m + months - 1).atEndOfMonth();
            if (!to.isBefore(start)) {
                periods.add(new Period(from.isBefore(start) ? start : from, to));
            }
        }
        if (periods.size() > 1 && periods.get(0).end().toEpochDay() - periods.get(0).start().toEpochDay() < months * 15L) {
            periods.set(1, new Period(periods.get(0).start(), periods.get(1).end()));
            periods.remove(0);
        }
        return periods;
    }
}
