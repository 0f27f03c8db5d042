package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The column names plan tables use, by what the column holds. */
enum Columns {
    NUMBER("序号", "编号"),
    CHAPTER("工作要求", "工作类别", "类别", "重点工作", "工作领域"),
    TASK("工作任务", "具体任务", "具体要求", "工作内容", "任务内容", "主要任务", "工作措施", "重点任务", "任务", "内容"),
    LEAD("牵头单位", "牵头部门", "牵头科室"),
    RESPONSIBLE("责任单位", "责任科室", "责任部门", "负责科室", "负责单位", "实施单位", "承办单位"),
    COOPERATING("配合单位", "配合部门", "协办单位", "配合科室"),
    DEADLINE("完成时限", "时限要求", "完成时间", "时间节点", "时限"),
    FREQUENCY("更新频率", "频率"),
    LEVEL("一级栏目", "二级栏目", "三级栏目", "栏目"),
    OTHER("其他", "备注");

    private final List<String> names;

    Columns(String... names) {
        this.names = List.of(names);
    }

    List<String> names() {
        return names;
    }

    static Optional<Columns> of(String cell) {
        String c = SPACE.matcher(cell).replaceAll("");
        for (Columns col : values()) {
            if (col.names.contains(c)) {
                return Optional.of(col);
            }
        }
        return fuzzy(c.indexOf('(') >= 0 ? BRACKETS.matcher(c).replaceAll("") : c);
    }

    private static final Pattern SPACE = Pattern.compile("\\s");
    private static final Pattern BRACKETS = Pattern.compile("\\([^()]*\\)");
    private static final Pattern NAME_LIKE = Pattern.compile("^[\\p{IsHan}/、]{2,8}$");
    private static final Pattern NUMBER_WORDS = Pattern.compile("^(序号|编号)$");
    private static final Pattern DEADLINE_WORDS = Pattern.compile("时限|期限|时间|节点|进度安排");
    private static final Pattern FREQUENCY_WORDS = Pattern.compile("频率|频次");
    private static final Pattern LEAD_WORDS = Pattern.compile("牵头|主办");
    private static final Pattern COOPERATING_WORDS = Pattern.compile("配合|协办|协助|参与");
    private static final Pattern UNIT_WORDS = Pattern.compile("(单位|科室|处室|股室|部门|责任人|主体)$");
    private static final Pattern TASK_WORDS = Pattern.compile("任务|内容|要求|措施|目标|分工|事项|举措");
    private static final Pattern REMARK_WORDS = Pattern.compile("备注|说明|情况");
    /** How a document's title ends (…工作要点分工方案): a title's line, never a column name. */
    private static final Pattern DOCUMENT_WORDS = Pattern.compile("(方案|要点|计划|台账|通知|意见|报告)$");

    /**
     * A header cell in a variant the list does not hold (责任单位(部门), 落实单位, 主办/协办, 细化分工, 完成期限…),
     * recognized by the words that name what a column holds; unit words count only at the end, and a cell naming
     * a class of units (各部门), a document (…分工方案) or a chapter (一、重点任务) is no column name.
     */
    private static Optional<Columns> fuzzy(String c) {
        if (!NAME_LIKE.matcher(c).matches() || c.startsWith("各") || DOCUMENT_WORDS.matcher(c).find()
                || TableRebuilder.HEADING.matcher(c).find()) {
            return Optional.empty();
        }
        boolean lead = LEAD_WORDS.matcher(c).find();
        boolean cooperating = COOPERATING_WORDS.matcher(c).find();
        Columns col = NUMBER_WORDS.matcher(c).find() ? NUMBER
                : DEADLINE_WORDS.matcher(c).find() ? DEADLINE
                : FREQUENCY_WORDS.matcher(c).find() ? FREQUENCY
                : lead && cooperating ? RESPONSIBLE // 主办/协办: the cells' own verbs tell the roles
                : lead ? LEAD
                : cooperating ? COOPERATING
                : UNIT_WORDS.matcher(c).find() ? RESPONSIBLE
                : TASK_WORDS.matcher(c).find() ? TASK
                : REMARK_WORDS.matcher(c).find() ? OTHER
                : null;
        return Optional.ofNullable(col);
    }

    /** Whether the column holds units (lead, responsible or cooperating). */
    boolean units() {
        return this == LEAD || this == RESPONSIBLE || this == COOPERATING;
    }

    static boolean isName(String cell) {
        return of(cell).isPresent();
    }

    /** Whether a row is a header: at least two cells are column names and one of them names the task or units. */
    static boolean isHeader(List<String> row) {
        long named = row.stream().filter(Columns::isName).count();
        return named >= 2 && row.stream().map(Columns::of).flatMap(Optional::stream)
                .anyMatch(c -> c == TASK || c.units() || c == LEVEL);
    }

    /** Column names run together in one string (工作要求具体任务具体要求责任科室完成时限其他), or null. */
    static List<String> glued(String line) {
        List<String> found = new ArrayList<>();
        String rest = line.replaceAll("\\s", "");
        outer:
        while (!rest.isEmpty()) {
            for (Columns col : values()) {
                for (String name : col.names) {
                    if (name.length() >= 2 && rest.startsWith(name)) {
                        found.add(name);
                        rest = rest.substring(name.length());
                        continue outer;
                    }
                }
            }
            return null;
        }
        return found.size() >= 3 ? found : null;
    }
}
