package cn.duban.plan.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;

/** Reads deadlines (完成时限), relative to the plan year, from a deadline cell or from an item's text. */
final class Deadlines {

    private static final Pattern DAY = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:前|之前)");
    private static final Pattern MONTH_END = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(?:底|末)\\s*(?:前|之前)?");
    private static final Pattern YEAR_BEFORE = Pattern.compile("(\\d{4})\\s*年\\s*(?:前|之前)");
    private static final Pattern YEAR_END_OF = Pattern.compile("(\\d{4})\\s*年\\s*(?:底|末)\\s*(?:前|之前)?");
    private static final Pattern HALF = Pattern.compile("上半年");
    private static final Pattern QUARTER = Pattern.compile("(?<![每按分])(?:第)?([一二三四1-4])\\s*季度(?:末|底)?(?:前)?");
    private static final Pattern MONTHLY = Pattern.compile("每月|按月|月度更新|每月更新");
    private static final Pattern QUARTERLY = Pattern.compile("每季度|按季度|季度更新|分季度");
    private static final Pattern YEARLY = Pattern.compile("年度更新|每年更新");
    private static final Pattern ASAP = Pattern.compile("及时更新|实时更新");
    private static final Pattern ONGOING = Pattern.compile("常态化开展|常态化推进|持续推进|长期坚持|长期开展|长期推进|^长期$");
    private static final Pattern YEAR_END = Pattern.compile("年底前|年底|年内|全年|年度内");

    private Deadlines() {}

    /**
     * The deadline of an item: its deadline cell when it has one (dates in the text become milestones), else
     * what its text says.
     */
    static Deadline of(String cell, String text, int year) {
        List<Dated> dates = dates(text, year);
        List<LocalDate> milestones = dates.stream().map(Dated::date)
                .filter(d -> d.getYear() == year).distinct().sorted().toList();
        if (cell != null && !cell.isBlank()) {
            Deadline fromCell = phrase(cell.strip(), year);
            if (fromCell.kind() != Kind.NONE) {
                return new Deadline(fromCell.kind(), fromCell.due(), fromCell.frequency(), cell.strip(), milestones);
            }
        }
        Deadline fromText = phrase(text, year);
        return fromText.withMilestones(milestones);
    }

    /** What a phrase says: a date (the last one in the plan year, else the last one), a period, or none. */
    static Deadline phrase(String s, int year) {
        List<Dated> dates = dates(s, year);
        List<Dated> inYear = dates.stream().filter(d -> d.date().getYear() == year).toList();
        if (!inYear.isEmpty()) {
            Dated last = inYear.stream().max(java.util.Comparator.comparing(Dated::date)).orElseThrow();
            return dated(last);
        }
        Matcher m;
        if ((m = HALF.matcher(s)).find()) {
            return new Deadline(Kind.DATE, LocalDate.of(year, 6, 30), null, m.group(), List.of());
        }
        if ((m = MONTHLY.matcher(s)).find()) {
            return recurring(Frequency.MONTHLY, m.group(), year);
        }
        if ((m = QUARTERLY.matcher(s)).find()) {
            return recurring(Frequency.QUARTERLY, m.group(), year);
        }
        if ((m = QUARTER.matcher(s)).find()) {
            int q = "一二三四".indexOf(m.group(1)) >= 0 ? "一二三四".indexOf(m.group(1)) + 1 : Integer.parseInt(m.group(1));
            return new Deadline(Kind.DATE, YearMonth.of(year, q * 3).atEndOfMonth(), null, m.group(), List.of());
        }
        if ((m = YEARLY.matcher(s)).find()) {
            return recurring(Frequency.YEARLY, m.group(), year);
        }
        if ((m = ASAP.matcher(s)).find()) {
            return recurring(Frequency.ASAP, m.group(), year);
        }
        if ((m = ONGOING.matcher(s)).find()) {
            return new Deadline(Kind.ONGOING, LocalDate.of(year, 12, 31), null, m.group(), List.of());
        }
        if ((m = YEAR_END.matcher(s)).find()) {
            return new Deadline(Kind.YEAR_END, LocalDate.of(year, 12, 31), null, m.group(), List.of());
        }
        if (!dates.isEmpty()) {
            return dated(dates.get(dates.size() - 1));
        }
        return Deadline.none();
    }

    private record Dated(LocalDate date, String raw, int at) {}

    /** Every dated phrase (X月底前, X月X日前, YYYY年X月底前, YYYY年前, YYYY年底前) in order of appearance. */
    private static List<Dated> dates(String s, int year) {
        List<Dated> dates = new ArrayList<>();
        Matcher m = DAY.matcher(s);
        while (m.find()) {
            int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
            LocalDate d = date(y, m.group(2), m.group(3));
            if (d != null) {
                dates.add(new Dated(d, m.group(), m.start()));
            }
        }
        m = MONTH_END.matcher(s);
        while (m.find()) {
            int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
            LocalDate first = date(y, m.group(2), "1");
            if (first != null) {
                dates.add(new Dated(YearMonth.from(first).atEndOfMonth(), m.group(), m.start()));
            }
        }
        m = YEAR_BEFORE.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y > 1990 && y < 2200) {
                dates.add(new Dated(LocalDate.of(y - 1, 12, 31), m.group(), m.start()));
            }
        }
        m = YEAR_END_OF.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y > 1990 && y < 2200) {
                dates.add(new Dated(LocalDate.of(y, 12, 31), m.group(), m.start()));
            }
        }
        dates.sort(java.util.Comparator.comparingInt(Dated::at));
        return dates;
    }

    private static Deadline dated(Dated d) {
        return new Deadline(Kind.DATE, d.date(), null, d.raw(), List.of());
    }

    private static Deadline recurring(Frequency frequency, String raw, int year) {
        return new Deadline(Kind.RECURRING, LocalDate.of(year, 12, 31), frequency, raw, List.of());
    }

    private static LocalDate date(int year, String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (year < 1990 || year > 2200 || m < 1 || m > 12 || d < 1 || d > YearMonth.of(year, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, m, d);
    }
}
