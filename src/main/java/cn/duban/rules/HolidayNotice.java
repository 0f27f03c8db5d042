package cn.duban.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The State Council's annual holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) read into that year's
 * override lines for holidays.csv. Every day of a stated range ("10月1日至8日放假调休") is a HOLIDAY, weekends within
 * it included, as the built-in data lists them; "与周末连休" adds the weekend next to it. Each day stated with "上班"
 * is a WORKDAY. What the notice says that cannot be read this way is listed in {@link #unread()}.
 */
public record HolidayNotice(int year, List<Day> days, List<String> unread) {

    public enum Type { HOLIDAY, WORKDAY }

    /** One day the notice states, with the holiday it belongs to. */
    public record Day(LocalDate date, Type type, String name) {}

    private static final Pattern TITLE = Pattern.compile("国务院办公厅关于(\\d{4})年部分节假日安排的通知");
    private static final String NAMES = "(?:元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)";
    private static final Pattern ITEM = Pattern.compile("[一二三四五六七八九十]+、(" + NAMES + "(?:、" + NAMES + ")*)：");
    private static final String DATE = "(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日";
    private static final Pattern DAY = Pattern.compile(DATE);
    private static final Pattern RANGE = Pattern.compile("^" + DATE + "(?:至" + DATE + ")?放假");
    private static final Pattern COUNT = Pattern.compile("(?:共|放假)(\\d+)天");

    /** Reads a notice; a text that is not one (no title, or no holiday stated) is refused with the reason. */
    public static HolidayNotice parse(String text) {
        String flat = (text == null ? "" : text).replaceAll("[\\s\\u3000]+", "")
                .replace('(', '（').replace(')', '）').replace(':', '：').replace(',', '，').replace(';', '；');
        Matcher title = TITLE.matcher(flat);
        if (!title.find()) {
            throw new IllegalArgumentException("未找到通知标题“国务院办公厅关于YYYY年部分节假日安排的通知”: 请粘贴通知全文, 含标题");
        }
        int year = Integer.parseInt(title.group(1));
        List<MatchResult> items = ITEM.matcher(flat).results().toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("未识别到任何节假日安排: 通知应逐项写明, 如“一、元旦：1月1日放假，共1天。”");
        }
        Map<LocalDate, Day> days = new TreeMap<>();
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MatchResult heading = items.get(i);
            boolean last = i == items.size() - 1;
            String body = flat.substring(heading.end(), last ? flat.length() : items.get(i + 1).start());
            new Reader(year, heading.group(1), heading.group(), days, unread).read(body, last);
        }
        return new HolidayNotice(year, List.copyOf(days.values()), List.copyOf(unread));
    }

    /** One item of the notice (二、春节：…) read into days. */
    private record Reader(int year, String name, String heading, Map<LocalDate, Day> days, List<String> unread) {

        void read(String body, boolean last) {
            boolean holiday = false;
            for (String sentence : body.split("[。；]")) {
                // the weekday and lunar date in brackets say nothing the date does not
                String plain = sentence.replaceAll("（[^）]*）", "");
                if (!DAY.matcher(plain).find() || sentence.startsWith("国务院办公厅")) {
                    if (last) {
                        break; // the closing paragraph and the signature after the last item
                    }
                    continue;
                }
                List<LocalDate> range = null;
                for (String clause : plain.split("，")) {
                    Matcher r = RANGE.matcher(clause);
                    Matcher count = COUNT.matcher(clause);
                    try {
                        if (r.find()) {
                            holiday = true;
                            range = range(r);
                            range.forEach(d -> put(d, Type.HOLIDAY, sentence));
                        } else if (clause.endsWith("上班")) {
                            workdays(clause).forEach(d -> put(d, Type.WORKDAY, sentence));
                            continue;
                        } else if (clause.equals("与周末连休") && range != null) {
                            range = weekendJoined(range);
                            range.forEach(d -> put(d, Type.HOLIDAY, sentence));
                        } else if (DAY.matcher(clause).find()) {
                            unread.add(heading + sentence);
                            continue;
                        }
                        if (count.find() && range != null && range.size() != Integer.parseInt(count.group(1))) {
                            unread.add(heading + sentence + " (所列日期共 " + range.size() + " 天, 与“" + count.group() + "”不符)");
                        }
                    } catch (DateTimeException e) {
                        unread.add(heading + sentence + " (日期无效)");
                    }
                }
            }
            if (!holiday) {
                unread.add(heading + " 未找到放假日期");
            }
        }

        /** The days from the first date to the second (in the same month or year unless it says otherwise). */
        private List<LocalDate> range(Matcher r) {
            LocalDate from = date(r.group(1), r.group(2), r.group(3), year, 0);
            if (r.group(6) == null) {
                return List.of(from);
            }
            LocalDate to = date(r.group(4), r.group(5), r.group(6), from.getYear(), from.getMonthValue());
            if (to.isBefore(from) && r.group(4) == null) {
                to = to.plusYears(1); // 12月31日至1月2日
            }
            if (to.isBefore(from) || to.isAfter(from.plusDays(31))) {
                throw new DateTimeException("range");
            }
            return from.datesUntil(to.plusDays(1)).toList();
        }

        /** The range with the Saturday and Sunday next to it at either end. */
        private static List<LocalDate> weekendJoined(List<LocalDate> range) {
            LocalDate from = range.get(0);
            LocalDate to = range.get(range.size() - 1);
            while (weekend(from.minusDays(1))) {
                from = from.minusDays(1);
            }
            while (weekend(to.plusDays(1))) {
                to = to.plusDays(1);
            }
            return from.datesUntil(to.plusDays(1)).toList();
        }

        private static boolean weekend(LocalDate d) {
            return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        }

        /** Every date of a "…上班" clause; a date without a month takes the one before it (9月29日、30日上班). */
        private List<LocalDate> workdays(String clause) {
            List<LocalDate> dates = new ArrayList<>();
            int month = 0;
            Matcher d = DAY.matcher(clause);
            while (d.find()) {
                LocalDate date = date(d.group(1), d.group(2), d.group(3), year, month);
                month = date.getMonthValue();
                dates.add(date);
            }
            return dates;
        }

        private static LocalDate date(String year, String month, String day, int defaultYear, int defaultMonth) {
            int m = month == null ? defaultMonth : Integer.parseInt(month);
            if (m == 0) {
                throw new DateTimeException("no month");
            }
            return LocalDate.of(year == null ? defaultYear : Integer.parseInt(year), m, Integer.parseInt(day));
        }

        private void put(LocalDate date, Type type, String sentence) {
            Day before = days.putIfAbsent(date, new Day(date, type, name));
            if (before != null && before.type() != type) {
                unread.add(heading + sentence + " (" + date + " 既放假又上班)");
            }
        }
    }

    /**
     * The override file with this notice's lines in place of any earlier lines for its year (and for the days it
     * states); comments and other years' lines stay.
     */
    public String mergeInto(String csv) {
        Set<LocalDate> stated = days.stream().map(Day::date).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder();
        for (String line : csv.lines().toList()) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("date,")) {
                LocalDate date = LocalDate.parse(l.split(",", 2)[0].strip());
                if (date.getYear() == year || stated.contains(date)) {
                    continue;
                }
            }
            out.append(line).append('\n');
        }
        days.forEach(d -> out.append(d.date()).append(',').append(d.type()).append(',').append(d.name()).append('\n'));
        return out.toString();
    }
}
