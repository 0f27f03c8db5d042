package cn.duban.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tyme.holiday.LegalHoliday;

import cn.duban.system.Folders.FileText;

/**
 * The Chinese working-day calendar: Monday to Friday, less statutory holidays, plus make-up working days (调休).
 * Holidays come from tyme4j; the override file (rules/holidays.csv) adds years it does not cover and corrects it.
 */
public final class WorkCalendar {

    private static final int BASE_YEAR = 2020;

    private volatile Map<LocalDate, Boolean> overrides;
    private final Map<Integer, int[]> years = new java.util.concurrent.ConcurrentHashMap<>();
    /** Working days from BASE_YEAR up to the end of the year before the key (negative before BASE_YEAR). */
    private final Map<Integer, Integer> before = new java.util.concurrent.ConcurrentHashMap<>();

    public WorkCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The calendar with the override lines of a holidays.csv file (date,type,name; # comments). */
    public static WorkCalendar of(List<FileText> overrideFiles) {
        return new WorkCalendar(overrides(overrideFiles));
    }

    /** Puts new overrides in force (the office edited holidays.csv). */
    public synchronized void replace(List<FileText> overrideFiles) {
        this.overrides = Map.copyOf(overrides(overrideFiles));
        years.clear();
        before.clear();
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

    public boolean isWorkingDay(LocalDate day) {
        int[] counts = year(day.getYear());
        int i = day.getDayOfYear();
        return counts[i] > counts[i - 1];
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return upTo(to) - upTo(from);
    }

    /** Working days counted from a fixed year up to and including {@code day}, so differences are exact. */
    private int upTo(LocalDate day) {
        Integer offset = before.get(day.getYear());
        if (offset == null) {
            int total = 0;
            for (int y = BASE_YEAR; y < day.getYear(); y++) {
                total += year(y)[LocalDate.of(y, 12, 31).getDayOfYear()];
            }
            for (int y = day.getYear(); y < BASE_YEAR; y++) {
                total -= year(y)[LocalDate.of(y, 12, 31).getDayOfYear()];
            }
            before.put(day.getYear(), offset = total);
        }
        return offset + year(day.getYear())[day.getDayOfYear()];
    }

    /** For each day of the year (1-based), how many working days from 1 January up to it. */
    private int[] year(int year) {
        return years.computeIfAbsent(year, y -> {
            int days = LocalDate.of(y, 12, 31).getDayOfYear();
            int[] counts = new int[days + 1];
            for (int i = 1; i <= days; i++) {
                counts[i] = counts[i - 1] + (computeWorkingDay(LocalDate.ofYearDay(y, i)) ? 1 : 0);
            }
            return counts;
        });
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
