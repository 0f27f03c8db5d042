package cn.duban.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.duban.plan.ParsedPlan.ParsedItem;

/**
 * Reads a plan published as text: metadata, chapters (一、), sections ((一)), numbered items (1. / 1、) with the
 * units in their parenthetical ((牵头单位:A;责任单位:B、C)) and the deadline printed after it. No Spring needed.
 */
public final class PlanParser {

    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\(([一二三四五六七八九十]+)\\)\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})\\s*[.、．]\\s*(.+)$");
    private static final Pattern UNITS = Pattern.compile("\\(([^()]*?(?:牵头|责任|配合)[^()]*)\\)");
    private static final Pattern UNIT_PART_SPLIT = Pattern.compile("[;]|[,，](?=\\s*(?:牵头|责任|配合))");
    private static final Pattern UNIT_PART = Pattern.compile("^\\s*(牵头单位|牵头部门|责任单位|责任科室|责任部门|配合单位|配合部门)\\s*:\\s*(.*)$");
    private static final Pattern DOC_NUMBER = Pattern.compile("\\p{IsHan}{1,12}〔\\d{4}〕\\d+号");
    private static final Pattern ISSUE_DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
    private static final Pattern YEAR = Pattern.compile("(20\\d{2})年");
    private static final Pattern ORGAN = Pattern.compile("^(.+?)关于印发");
    private static final Pattern TITLE = Pattern.compile("工作要点|分工方案|任务清单");
    private static final Pattern SENTENCE = Pattern.compile("[。,，:;]");
    private static final Pattern DAY_BEFORE = Pattern.compile("(\\d{1,2})月(\\d{1,2})日(?:前|之前)");
    private static final Pattern MONTH_END = Pattern.compile("(\\d{1,2})月(?:底|末)(?:前|之前)?");
    private static final Pattern YEAR_END = Pattern.compile("年底前|年底|年内|全年");
    private static final Pattern QUARTERLY = Pattern.compile("每季度|按季度");
    private static final Pattern MONTHLY = Pattern.compile("每月|按月");
    private static final Pattern ONGOING = Pattern.compile("常态化|持续推进|持续开展|长期");

    private PlanParser() {}

    /** Parses the text; {@code year} (may be null) overrides the year read from the document. */
    public static ParsedPlan parse(String text, Integer year) {
        List<String> lines = text.replace('\uFEFF', ' ').lines()
                .map(PlanParser::normalize).filter(l -> !l.isEmpty()).toList();
        String title = null;
        String organ = null;
        String docNumber = null;
        LocalDate issuedOn = null;
        List<String[]> raw = new ArrayList<>(); // number, path, chapter, section, text
        String chapter = null;
        String chapterNo = null;
        String section = null;
        String sectionNo = null;
        for (String line : lines) {
            Matcher m;
            if (organ == null && (m = ORGAN.matcher(line)).find()) {
                organ = m.group(1);
            }
            if (docNumber == null && (m = DOC_NUMBER.matcher(line)).find()) {
                docNumber = m.group();
            }
            if (issuedOn == null && (m = ISSUE_DATE.matcher(line)).matches()) {
                issuedOn = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = CHAPTER.matcher(line)).matches()) {
                chapterNo = m.group(1);
                chapter = m.group(2);
                section = null;
                sectionNo = null;
            } else if ((m = SECTION.matcher(line)).matches()) {
                sectionNo = "(" + m.group(1) + ")";
                section = m.group(2);
            } else if ((m = ITEM.matcher(line)).matches()) {
                String path = String.join("/", nonNull(chapterNo, sectionNo, m.group(1)));
                raw.add(new String[] {m.group(1), path, chapter, section, m.group(2)});
            } else if (!raw.isEmpty() && chapter != null) {
                String[] last = raw.get(raw.size() - 1);
                last[4] = last[4] + line; // continuation of the item's text
            } else if (title == null && TITLE.matcher(line).find() && !line.contains("关于")
                    && !SENTENCE.matcher(line).find() && line.length() <= 60) {
                title = line.replaceAll("[《》]", "");
            }
        }
        int planYear = year != null ? year : inferYear(title, docNumber, issuedOn);
        List<String> warnings = new ArrayList<>();
        List<ParsedItem> items = new ArrayList<>();
        for (String[] r : raw) {
            items.add(item(r, planYear, warnings));
        }
        return new ParsedPlan(title != null ? title : organ != null ? organ + "工作要点" : "未命名计划",
                organ, docNumber, planYear, issuedOn, items, warnings);
    }

    private static ParsedItem item(String[] r, int year, List<String> warnings) {
        String body = r[4];
        List<String> lead = new ArrayList<>();
        List<String> responsible = new ArrayList<>();
        List<String> cooperating = new ArrayList<>();
        String tail = "";
        Matcher units = UNITS.matcher(body);
        int unitsAt = -1;
        while (units.find()) {
            unitsAt = units.start();
            lead.clear();
            responsible.clear();
            cooperating.clear();
            for (String part : UNIT_PART_SPLIT.split(units.group(1))) {
                Matcher p = UNIT_PART.matcher(part);
                if (p.matches()) {
                    List<String> target = p.group(1).startsWith("牵头") ? lead
                            : p.group(1).startsWith("配合") ? cooperating : responsible;
                    target.addAll(splitNames(p.group(2)));
                }
            }
            tail = body.substring(units.end()).trim();
        }
        String text = unitsAt >= 0 ? body.substring(0, unitsAt).trim() : body;
        Deadline deadline = deadline(tail, year);
        if (deadline == null) {
            deadline = deadline(text, year);
        } else {
            text = text.trim();
        }
        if (lead.isEmpty() && responsible.isEmpty()) {
            warnings.add("第" + r[0] + "项未识别到牵头或责任单位");
        }
        if (deadline == null) {
            warnings.add("第" + r[0] + "项未识别到完成时限");
        }
        return new ParsedItem(r[0], r[1], r[2], r[3], text, List.copyOf(lead), List.copyOf(responsible),
                List.copyOf(cooperating), deadline);
    }

    /** The deadline a phrase states, or null; dates fall in the plan year. */
    static Deadline deadline(String phrase, int year) {
        if (phrase.isEmpty()) {
            return null;
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Matcher m;
        if ((m = DAY_BEFORE.matcher(phrase)).find() && validDay(year, m.group(1), m.group(2))) {
            return new Deadline(Deadline.Kind.DATE,
                    LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), null, m.group());
        }
        if ((m = MONTH_END.matcher(phrase)).find() && validDay(year, m.group(1), "1")) {
            return new Deadline(Deadline.Kind.DATE,
                    YearMonth.of(year, Integer.parseInt(m.group(1))).atEndOfMonth(), null, m.group());
        }
        if ((m = QUARTERLY.matcher(phrase)).find()) {
            return new Deadline(Deadline.Kind.RECURRING, yearEnd, "QUARTERLY", m.group());
        }
        if ((m = MONTHLY.matcher(phrase)).find()) {
            return new Deadline(Deadline.Kind.RECURRING, yearEnd, "MONTHLY", m.group());
        }
        if ((m = ONGOING.matcher(phrase)).find()) {
            return new Deadline(Deadline.Kind.ONGOING, yearEnd, null, m.group());
        }
        if ((m = YEAR_END.matcher(phrase)).find()) {
            return new Deadline(Deadline.Kind.DATE, yearEnd, null, m.group());
        }
        return null;
    }

    /** Splits a list of unit names on 、 and commas, keeping brackets such as 〔市、区〕 inside a name. */
    static List<String> splitNames(String list) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : list.toCharArray()) {
            if (c == '〔' || c == '(' || c == '[') {
                depth++;
            } else if ((c == '〕' || c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            if (depth == 0 && (c == '、' || c == ',' || c == '，')) {
                add(names, current);
            } else {
                current.append(c);
            }
        }
        add(names, current);
        return names;
    }

    private static void add(List<String> names, StringBuilder current) {
        String name = current.toString().trim();
        if (!name.isEmpty()) {
            names.add(name);
        }
        current.setLength(0);
    }

    private static boolean validDay(int year, String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        return m >= 1 && m <= 12 && d >= 1 && d <= YearMonth.of(year, m).lengthOfMonth();
    }

    private static int inferYear(String title, String docNumber, LocalDate issuedOn) {
        if (title != null) {
            Matcher m = YEAR.matcher(title);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        if (docNumber != null) {
            return Integer.parseInt(docNumber.replaceAll(".*〔(\\d{4})〕.*", "$1"));
        }
        return issuedOn != null ? issuedOn.getYear() : LocalDate.now().getYear();
    }

    private static String normalize(String line) {
        return line.replace('（', '(').replace('）', ')').replace('：', ':').replace('；', ';')
                .replace('\u3000', ' ').strip();
    }

    private static List<String> nonNull(String... parts) {
        List<String> result = new ArrayList<>();
        for (String p : parts) {
            if (p != null) {
                result.add(p);
            }
        }
        return result;
    }
}
