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

    private final Map<LocalDate, Boolean> overrides;

    public WorkCalendar(Map<LocalDate, Boolean> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The calendar with the override lines of a holidays.csv file (date,type,name; # comments). */
    public static WorkCalendar of(List<FileText> overrideFiles) {
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
        return new WorkCalendar(overrides);
    }

    public boolean isWorkingDay(LocalDate day) {
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

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
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
