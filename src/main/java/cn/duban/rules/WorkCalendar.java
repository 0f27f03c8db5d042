package cn.duban.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tyme.holiday.LegalHoliday;

import cn.duban.system.Folders.FileText;

/**
 * The Chinese working-day calendar: Monday to Friday, less statutory holidays, plus make-up working days (调休).
 * Holidays come from tyme4j; the override file (rules/holidays.csv) adds years it does not cover and corrects it.
 * A year is covered when tyme4j lists a holiday of it or the override file has a HOLIDAY line in it; a year that
 * is not counts Monday to Friday as working days, and {@link #warning} says so.
 */
public final class WorkCalendar {

    private static final int BASE_YEAR = 2020;
    /** Which years tyme4j has holidays for (its data does not change while running). */
    private static final Map<Integer, Boolean> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile Map<LocalDate, Boolean> overrides;
    private volatile Set<Integer> overrideYears;
    /** The years whose counts are kept, found by index (no boxed year per call: the sweep asks a million times). */
    private static final int FIRST_KEPT = 2000;
    private static final int LAST_KEPT = 2199;
    /** Each kept year's counts by {@code year - FIRST_KEPT}, made when first asked for (null until then). */
    private volatile Year[] kept = new Year[LAST_KEPT - FIRST_KEPT + 1];

    /**
     * One year's counts: working days from BASE_YEAR up to the end of the year before it (negative before BASE_YEAR),
     * and for each day of the year (1-based) how many working days from 1 January up to it.
     */
    private record Year(int before, int[] upTo) {}

    public WorkCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = Map.copyOf(overrides);
        this.overrideYears = holidayYears(overrides);
    }

    /** The calendar with the override lines of a holidays.csv file (date,type,name; # comments). */
    public static WorkCalendar of(List<FileText> overrideFiles) {
        return new WorkCalendar(overrides(overrideFiles));
    }

    /** Puts new overrides in force (the office edited holidays.csv). */
    public synchronized void replace(List<FileText> overrideFiles) {
        this.overrides = Map.copyOf(overrides(overrideFiles));
        this.overrideYears = holidayYears(overrides);
        kept = new Year[LAST_KEPT - FIRST_KEPT + 1];
    }

    /** The days an override file makes holidays (false) or working days (true); a bad line is refused with its number. */
    public static Map<LocalDate, Boolean> overrides(List<FileText> overrideFiles) {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        for (FileText file : overrideFiles) {
            int n = 0;
            for (String line : file.content().lines().toList()) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("date,")) {
                    continue;
                }
                String[] cells = l.split(",", 3);
                try {
                    LocalDate date = LocalDate.parse(cells[0].strip());
                    String type = cells.length > 1 ? cells[1].strip() : "";
                    if (!type.equals("HOLIDAY") && !type.equals("WORKDAY")) {
                        throw new IllegalArgumentException("type must be HOLIDAY or WORKDAY");
                    }
                    overrides.put(date, type.equals("WORKDAY"));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("节假日文件 " + file.name() + " 第 " + n + " 行有误: " + l);
                }
            }
        }
        return overrides;
    }

    private static Set<Integer> holidayYears(Map<LocalDate, Boolean> overrides) {
        return overrides.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().getYear())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether the calendar has the year's holidays: tyme4j lists them, or the overrides have a HOLIDAY line in it. */
    public boolean covers(int year) {
        return overrideYears.contains(year) || BUILT_IN.computeIfAbsent(year, WorkCalendar::builtIn);
    }

    /** Whether tyme4j lists a day off that belongs to the year's holidays (not a neighbouring year's 元旦). */
    private static boolean builtIn(int year) {
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth());
            if (holiday != null && !holiday.isWork() && holiday.getTarget().getYear() == year) {
                return true;
            }
        }
        return false;
    }

    /**
     * The years the calendar is needed for on {@code today} that have no holiday data: this year, from 1 November next
     * year too, and {@code also} (e.g. a plan's year); empty when every one is covered.
     */
    public List<Integer> missing(LocalDate today, int... also) {
        java.util.SortedSet<Integer> needed = new java.util.TreeSet<>();
        needed.add(today.getYear());
        if (today.getMonthValue() >= 11) {
            needed.add(today.getYear() + 1);
        }
        java.util.Arrays.stream(also).forEach(needed::add);
        return needed.stream().filter(y -> !covers(y)).toList();
    }

    /** The warning the office reads (the log, the API) about the {@link #missing} years; null when there are none. */
    public String warning(LocalDate today, int... also) {
        return warning(missing(today, also));
    }

    static String warning(List<Integer> missing) {
        return missing.isEmpty() ? null : missing.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("、"))
                + " 年尚无法定节假日数据：工作日按周一至周五计算，请在 管理 → 节假日 导入国务院办公厅的节假日安排通知";
    }

    public boolean isWorkingDay(LocalDate day) {
        int[] counts = year(day.getYear()).upTo();
        int i = day.getDayOfYear();
        return counts[i] > counts[i - 1];
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return upTo(to) - upTo(from);
    }

    /** Working days counted from a fixed year up to and including {@code day}, so differences are exact. */
    private int upTo(LocalDate day) {
        Year year = year(day.getYear());
        return year.before() + year.upTo()[day.getDayOfYear()];
    }

    /**
     * A year's counts: kept once made for the years of {@link #kept}, made afresh for any other. Its offset comes from
     * the neighbouring year's towards BASE_YEAR, each kept in turn.
     */
    private Year year(int year) {
        Year[] all = kept;
        boolean keeps = year >= FIRST_KEPT && year <= LAST_KEPT;
        Year y = keeps ? all[year - FIRST_KEPT] : null;
        if (y == null) {
            int[] counts = counts(year);
            int before = 0;
            if (year > BASE_YEAR) {
                Year previous = year(year - 1);
                before = previous.before() + previous.upTo()[previous.upTo().length - 1];
            } else if (year < BASE_YEAR) {
                before = year(year + 1).before() - counts[counts.length - 1];
            }
            y = new Year(before, counts);
            if (keeps) {
                all[year - FIRST_KEPT] = y; // a race makes the same counts twice, no harm
            }
        }
        return y;
    }

    /** For each day of the year (1-based), how many working days from 1 January up to it. */
    private int[] counts(int year) {
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        int[] counts = new int[days + 1];
        for (int i = 1; i <= days; i++) {
            counts[i] = counts[i - 1] + (computeWorkingDay(LocalDate.ofYearDay(year, i)) ? 1 : 0);
        }
        return counts;
    }

    private boolean computeWorkingDay(LocalDate day) {
        Boolean override = overrides.get(day);
        if (override != null) {
            return override;
        }
        LegalHoliday holiday = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        if (holiday != null) {
            return holiday.isWork();
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }
}
