package cn.duban.plan.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;

/** Reads deadlines (完成时限), relative to the plan year, from a deadline cell or from an item's text. */
final class Deadlines {

    /** What follows a date that is a start, not a deadline: 2025年1月1日起. */
    private static final String NOT_A_START = "(?!\\s*(?:起|以来|开始))";
    /** 2025年6月30日, 6月30日前. */
    private static final Pattern DAY = Pattern.compile(
            "(?:(\\d{4})\\s*年\\s*)?(?<!\\d)(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]" + NOT_A_START);
    /** 2025-10-31, 2025.9.30, 2025/9/30. */
    private static final Pattern NUMERIC_DAY = Pattern.compile(
            "(?<![\\d.])(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])" + NOT_A_START);
    /** 2025年底前, 2025年末. */
    private static final Pattern YEAR_END_OF = Pattern.compile("(\\d{4})\\s*年\\s*(?:底|末)\\s*(?:前|之前)?");
    /** 2025年前: the day before that year (the plan year's end in a 2024 plan, like 2024年底前). */
    private static final Pattern YEAR_BEFORE = Pattern.compile("(\\d{4})\\s*年\\s*(?:前|之前|以前)");
    /** 2025年6月, 6月底前, 6月前 (before June: 31 May), 6月中旬; a bare 6月 only as a whole cell. */
    private static final Pattern MONTH = Pattern.compile(
            "(?:(\\d{4})\\s*年\\s*)?(?<!\\d)(\\d{1,2})\\s*月份?\\s*(底|末|上旬|中旬|下旬)?\\s*(前|之前|以前)?(?![\\d日号])" + NOT_A_START);
    /** 上半年, 2026年下半年. */
    private static final Pattern HALF = Pattern.compile("(?:(\\d{4})\\s*年\\s*)?([上下])半年");
    private static final Pattern QUARTER = Pattern.compile(
            "(?:(\\d{4})\\s*年\\s*)?(?<![每按分])(?:第)?([一二三四1-4])\\s*季度(?:末|底)?(?:前)?");
    /** 年底前, 年末: the plan year's end (not 上年底, not the 年 of 2025年底). */
    private static final Pattern YEAR_END_DATED = Pattern.compile("(?<![\\d上去前明当次])年\\s*(?:底|末)\\s*(?:前|之前)?");
    /** What a period word names when it is no period: a plan (按年度计划) or a document (年度报告). */
    private static final String NOT_A_PERIOD = "计划|目标|任务|要求|安排|报告|预算|决算";
    private static final String PERIOD_NAME = "(?:月|季度?+|半年度?+|年度?+)";
    /**
     * A period word: 每 + 月/季度/半年/年 (每个月, 每季度末); 按 + a period (按年度), not 按年初; 分 + 月/季度 (分年度 is in
     * stages, not every year); or 月度/季度/半年度/年度 + a task done every period (季度检查, 年度更新), not after a
     * number or 上/本 (三季度, 2025年度, 上年度).
     */
    private static final Pattern PERIOD = Pattern.compile(
            "每个?" + PERIOD_NAME + "(?!\\s*(?:" + NOT_A_PERIOD + "))"
                    + "|(?:按|分(?=月|季))" + PERIOD_NAME + "(?!\\s*(?:[初底末中内份]|" + NOT_A_PERIOD + "))"
                    + "|(?<![\\d一二三四第上下本当次前去明半每按分])(?:月度|季度|半年度|年度)"
                    + "(?:检查|抽查|巡查|督查|自查|更新|报送|通报|调度|监测|统计|发布|公开)");
    private static final Pattern ASAP = Pattern.compile("及时更新|实时更新");
    /**
     * 持续/常态化/长期/经常性 + a verb: the item's own ongoing requirement (持续深化, 常态化开展, 长期坚持), not an
     * adjective (常态化疫情防控, 常态化审查机制); in a text only when it opens a clause (after a bracket too) or
     * ends one, not inside it (不需要长期公开的信息, 关于持续整治…的要求).
     */
    private static final String ONGOING_WORDS = "(?:持续|常态化|长期|经常性)(?:[做抓办用管]好|推进|推动|深化|加强|强化|拓展|扩大"
            + "|加大|开展|坚持|优化|完善|健全|提升|提高|落实|规范|公开|发布|更新|跟踪|监测|巩固|实施|改进)";
    /** In a cell an ongoing word needs no verb (长期, 常态化). */
    private static final Pattern ONGOING_CELL = Pattern.compile(ONGOING_WORDS + "|^(?:持续|常态化|长期|经常性)$");
    /** A quick test before ONGOING_CLAUSE, whose look-behinds are tried at every character. */
    private static final Pattern ONGOING_WORD = Pattern.compile("持续|常态化|长期|经常性");
    private static final Pattern ONGOING_CLAUSE = Pattern.compile(
            "(?:(?<=^)|(?<=[,;。:!?)]))" + ONGOING_WORDS + "|" + ONGOING_WORDS + "(?=$|[,;。!?])");
    private static final Pattern YEAR_END = Pattern.compile("年内|全年|年度内");
    /** A month or a year's end, inside or before it, for telling a deadline column from others. */
    private static final Pattern MONTH_OR_YEAR = Pattern.compile("\\d{1,2}\\s*月|\\d{4}\\s*年\\s*(?:底|内|前)|\\d{4}[-/.]\\d{1,2}");
    /** Words of time in a frequency or deadline cell that give no deadline by themselves (定期, 及时, 半年…). */
    private static final Pattern TIME_WORD = Pattern.compile("年底|季度|每月|每年|半年|长期|常态|持续|及时|定期|上旬|中旬|下旬");
    /** A period word or 年内, for the period of a quantitative requirement. */
    private static final Pattern PER = Pattern.compile(PERIOD.pattern() + "|" + YEAR_END.pattern());

    /** A deadline note inside a unit parenthetical: (牵头单位:…,完成时限:长期坚持); group 1 is the deadline. */
    static final Pattern NOTE = Pattern.compile(
            "[,;]?\\s*(?:" + String.join("|", Columns.DEADLINE.names()) + ")\\s*:\\s*([^,;]+)");

    /** A plan year for asking whether a phrase is a deadline at all: the year moves a due date, never whether one is read. */
    private static final int ANY_YEAR = 2000;

    private Deadlines() {}

    /**
     * The deadline of an item: its deadline cell when it has one, else what its text says. Of several dates the
     * last one in the plan year is due; the other dates in the plan year, of the cell and the text, are milestones.
     */
    static Deadline of(String cell, String text, int year) {
        Deadline deadline = null;
        List<Dated> dated = new ArrayList<>(dates(text, year, false));
        if (cell != null && !cell.isBlank()) {
            Deadline fromCell = read(cell.strip(), year, true);
            if (fromCell.kind() != Kind.NONE) {
                deadline = new Deadline(fromCell.kind(), fromCell.due(), fromCell.frequency(), cell.strip(), List.of());
                dated.addAll(dates(cell.strip(), year, true));
            }
        }
        if (deadline == null) {
            deadline = read(text, year, false);
        }
        LocalDate due = deadline.due();
        return deadline.withMilestones(dated.stream().map(Dated::date)
                .filter(d -> d.getYear() == year && !d.equals(due)).distinct().sorted().toList());
    }

    /** Whether a cell names a deadline at all: a date, a period or an ongoing phrase, in any plan year. */
    static boolean isDeadline(String cell) {
        return read(cell, ANY_YEAR, true).kind() != Kind.NONE;
    }

    /**
     * Whether a table cell reads as a deadline or frequency column's: a month or year anywhere (6月份, 2025年内,
     * 2025-10), or, in a short cell, a deadline or a looser word of time (定期, 及时, 季度, 持续, 上旬…).
     */
    static boolean timed(String cell) {
        return MONTH_OR_YEAR.matcher(cell).find()
                || cell.length() <= 10 && (TIME_WORD.matcher(cell).find() || isDeadline(cell));
    }

    /** What a deadline cell says: a date, a period, or none. */
    static Deadline phrase(String cell, int year) {
        return read(cell, year, true);
    }

    /**
     * A due date more than a year before the plan year or more than five years after it: most likely a misprint,
     * which the office must check (it is kept as printed, never replaced by the plan year).
     */
    static boolean implausibleYear(Deadline deadline, int year) {
        return deadline.due() != null && (deadline.due().getYear() < year - 1 || deadline.due().getYear() > year + 5);
    }

    /**
     * The latest date in the plan year; else a recurring period; else the last date of another year; else an
     * ongoing phrase, then 年内/全年. In a text (not a cell) an ongoing phrase counts only as a clause of its own.
     */
    private static Deadline read(String s, int year, boolean cell) {
        List<Dated> dates = dates(s, year, cell);
        Dated latest = dates.stream().filter(d -> d.date().getYear() == year)
                .max(Comparator.comparing(Dated::date).thenComparingInt(Dated::at)).orElse(null);
        if (latest != null) {
            return dated(latest);
        }
        Matcher m;
        Deadline recurring = recurring(s, year);
        if (recurring != null) {
            return recurring;
        }
        if ((m = ASAP.matcher(s)).find()) {
            return recurring(Frequency.ASAP, m.group(), year);
        }
        if (!dates.isEmpty()) {
            return dated(dates.get(dates.size() - 1));
        }
        if (ONGOING_WORD.matcher(s).find() && (m = (cell ? ONGOING_CELL : ONGOING_CLAUSE).matcher(s)).find()) {
            return new Deadline(Kind.ONGOING, LocalDate.of(year, 12, 31), null, m.group(), List.of());
        }
        if ((m = YEAR_END.matcher(s)).find()) {
            return new Deadline(Kind.YEAR_END, LocalDate.of(year, 12, 31), null, m.group(), List.of());
        }
        return Deadline.none();
    }

    private record Dated(LocalDate date, Kind kind, String raw, int at, int end) {

        boolean overlaps(int from, int to) {
            return from < end && at < to;
        }
    }

    /**
     * Every dated phrase in order of appearance; where two forms overlap (年底前 inside 2025年底前) the one read
     * first here counts. A bare month (6月) is a date only as a whole cell.
     */
    private static List<Dated> dates(String s, int year, boolean cell) {
        List<Dated> dates = new ArrayList<>();
        if (!digits(s) && !s.contains("半年") && !s.contains("季度") && s.indexOf('年') < 0) {
            return dates; // the patterns below all need one of these (a quick test: most text has no date)
        }
        java.util.BitSet taken = new java.util.BitSet();
        Matcher m = DAY.matcher(s);
        while (m.find()) {
            add(dates, taken, m, date(yearOr(m.group(1), year), m.group(2), m.group(3)), Kind.DATE);
        }
        m = NUMERIC_DAY.matcher(s);
        while (m.find()) {
            add(dates, taken, m, date(Integer.parseInt(m.group(1)), m.group(3), m.group(4)), Kind.DATE);
        }
        m = YEAR_END_OF.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            add(dates, taken, m, date(y, "12", "31"), y == year ? Kind.YEAR_END : Kind.DATE);
        }
        m = YEAR_BEFORE.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1)) - 1;
            add(dates, taken, m, date(y, "12", "31"), y == year ? Kind.YEAR_END : Kind.DATE);
        }
        m = MONTH.matcher(s);
        while (m.find()) {
            boolean bare = m.group(1) == null && m.group(3) == null && m.group(4) == null;
            LocalDate first = bare && !(cell && m.group().equals(s)) ? null
                    : date(yearOr(m.group(1), year), m.group(2), "1");
            if (first != null) {
                String part = m.group(3) == null ? "" : m.group(3);
                LocalDate d = m.group(4) != null && part.isEmpty() ? first.minusDays(1)
                        : part.equals("上旬") ? first.withDayOfMonth(10)
                        : part.equals("中旬") ? first.withDayOfMonth(20) : YearMonth.from(first).atEndOfMonth();
                add(dates, taken, m, d, Kind.DATE);
            }
        }
        m = HALF.matcher(s);
        while (m.find()) {
            boolean first = m.group(2).equals("上");
            add(dates, taken, m, date(yearOr(m.group(1), year), first ? "6" : "12", first ? "30" : "31"), Kind.DATE);
        }
        m = QUARTER.matcher(s);
        while (m.find()) {
            int q = "一二三四".indexOf(m.group(2)) >= 0 ? "一二三四".indexOf(m.group(2)) + 1 : Integer.parseInt(m.group(2));
            add(dates, taken, m, YearMonth.of(yearOr(m.group(1), year), q * 3).atEndOfMonth(), Kind.DATE);
        }
        m = YEAR_END_DATED.matcher(s);
        while (m.find()) {
            add(dates, taken, m, LocalDate.of(year, 12, 31), Kind.YEAR_END);
        }
        dates.sort(Comparator.comparingInt(Dated::at));
        return dates;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Dated> dates, java.util.BitSet taken, Matcher m, LocalDate date, Kind kind) {
        int next = taken.nextSetBit(m.start());
        if (date != null && (next < 0 || next >= m.end())) {
            dates.add(new Dated(date, kind, m.group().strip(), m.start(), m.end()));
            taken.set(m.start(), m.end());
        }
    }

    private static int yearOr(String printed, int year) {
        return printed == null ? year : Integer.parseInt(printed);
    }

    private static Deadline dated(Dated d) {
        return new Deadline(d.kind(), d.date(), null, d.raw(), List.of());
    }

    private static Deadline recurring(Frequency frequency, String raw, int year) {
        return new Deadline(Kind.RECURRING, LocalDate.of(year, 12, 31), frequency, raw, List.of());
    }

    /** The finest period a text names, at its first mention; null when it names none. */
    private static Deadline recurring(String s, int year) {
        if (s.indexOf('每') < 0 && s.indexOf('按') < 0 && s.indexOf('分') < 0 && s.indexOf('度') < 0) {
            return null; // each PERIOD alternative names one of these (a quick test, as most text names no period)
        }
        Matcher m = PERIOD.matcher(s);
        Frequency finest = null; // Frequency is declared finest first
        String raw = null;
        while (m.find()) {
            Frequency f = frequency(m);
            if (finest == null || f.ordinal() < finest.ordinal()) {
                finest = f;
                raw = m.group();
            }
        }
        return finest == null ? null : recurring(finest, raw, year);
    }

    /** The frequency a PERIOD match names; a 年内 of PER is a year. */
    private static Frequency frequency(Matcher period) {
        String p = period.group();
        return p.contains("月") ? Frequency.MONTHLY : p.contains("季") ? Frequency.QUARTERLY
                : p.contains("半") ? Frequency.HALF_YEARLY : Frequency.YEARLY;
    }

    /**
     * The period of a quantitative requirement's clause: its last period word (每季度, 按月) or 年内/全年 (a year);
     * a year when it names none.
     */
    static Requirement.Per per(String clause) {
        Matcher m = PER.matcher(clause);
        Frequency last = Frequency.YEARLY;
        while (m.find()) {
            last = frequency(m);
        }
        return last == Frequency.MONTHLY ? Requirement.Per.MONTH : last == Frequency.QUARTERLY ? Requirement.Per.QUARTER
                : Requirement.Per.YEAR;
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
