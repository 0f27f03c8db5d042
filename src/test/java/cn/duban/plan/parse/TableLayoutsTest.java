package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * A plan written here, as a table, rendered into the text that copying a web or Word table produces in each layout
 * the parser rebuilds (pipe rows, bar lines, trailing bars, one cell per line, whitespace-aligned columns; merged
 * group cells shown once, empty cells vanished, item numbers in their own column or glued into the text, header
 * names in their common variants): every rendering must parse back into the plan's items.
 */
class TableLayoutsTest {

    /** One row of the plan: its group (a merged cell over the group's rows), number, task and units, deadline. */
    record Task(String group, int number, String text, String lead, String responsible, String deadline,
                Kind kind, LocalDate due, Frequency frequency) {}

    static final List<Task> PLAN = List.of(
            new Task("一、深化重点领域公开", 1, "细化财政预决算公开内容,按要求公开部门预算。", "县财政局", "县直各部门",
                    "2025年6月底前", Kind.DATE, LocalDate.of(2025, 6, 30), null),
            new Task("一、深化重点领域公开", 2, "公开重大建设项目批准和实施信息。", "县发改局", "各乡镇人民政府",
                    "常态化开展", Kind.ONGOING, LocalDate.of(2025, 12, 31), null),
            new Task("二、强化政策解读回应", 3, "围绕重要政策开展集中解读,提升解读质量。", "县政府办公室", "县融媒体中心",
                    "每季度", Kind.RECURRING, LocalDate.of(2025, 12, 31), Frequency.QUARTERLY),
            new Task("二、强化政策解读回应", 4, "做好舆情监测和回应处置工作。", "县委网信办", "县公安局、县卫健局",
                    "2025年9月30日前", Kind.DATE, LocalDate.of(2025, 9, 30), null),
            new Task("三、加强平台建设管理", 5, "优化政府网站栏目设置,规范政务新媒体管理。", "县大数据中心",
                    "各乡镇人民政府、县直各单位", "年底前", Kind.YEAR_END, LocalDate.of(2025, 12, 31), null));

    static final String TITLE = "测试县2025年政务公开重点工作任务分工";

    /** What a column holds, and the names headers give it. */
    enum Column {
        NUMBER(t -> String.valueOf(t.number()), "序号", "编号"),
        GROUP(Task::group, "工作类别", "重点工作"),
        TEXT(Task::text, "工作任务", "具体要求", "工作内容", "任务内容", "细化分工", "工作措施"),
        LEAD(Task::lead, "牵头单位", "牵头部门", "主办单位"),
        RESPONSIBLE(Task::responsible, "责任单位(部门)", "落实单位", "责任处室", "负责科室", "责任单位"),
        DEADLINE(Task::deadline, "完成时限", "完成期限", "时限要求", "时间节点"),
        REMARK(t -> "", "备注");

        final Function<Task, String> cell;
        final List<String> names;

        Column(Function<Task, String> cell, String... names) {
            this.cell = cell;
            this.names = List.of(names);
        }
    }

    /**
     * How a rendering lays the table out: its columns, its header names (variant {@code variant} of each column's
     * names), whether the item number is glued into the task (1.细化…) and whether a group's merged cell shows on
     * its first row only.
     */
    record Shape(List<Column> columns, int variant, boolean gluedNumber, boolean mergedGroups) {

        List<String> header() {
            return columns.stream().map(c -> c.names.get(variant % c.names.size())).toList();
        }

        /** The cells of each row; a merged group cell is empty on the group's later rows. */
        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            String group = null;
            for (Task t : PLAN) {
                List<String> row = new ArrayList<>();
                for (Column c : columns) {
                    String cell = c.cell.apply(t);
                    if (c == Column.GROUP && mergedGroups && cell.equals(group)) {
                        cell = "";
                    }
                    if (c == Column.TEXT && gluedNumber) {
                        cell = t.number() + "." + cell;
                    }
                    row.add(cell);
                }
                group = t.group();
                rows.add(row);
            }
            return rows;
        }
    }

    // ---- renderings --------------------------------------------------------------------------------------------

    /** {@code a | b | c |}: empty cells stay empty between bars, but vanish at the row's ends (a merged cell). */
    static String pipeRows(Shape shape, String between) {
        StringBuilder out = new StringBuilder(TITLE + "\n" + String.join(" | ", shape.header()) + " |\n");
        for (List<String> row : shape.rows()) {
            List<String> cells = new ArrayList<>(row);
            while (!cells.isEmpty() && cells.get(0).isEmpty()) {
                cells.remove(0);
            }
            out.append(String.join(" | ", cells)).append(" |\n").append(between);
        }
        return out.toString();
    }

    /** {@code |a|b||}, with a line of bars between rows: nothing but bars around the cells. */
    static String barsOnly(Shape shape) {
        String bars = "|".repeat(shape.columns().size() + 1) + "\n";
        StringBuilder out = new StringBuilder(TITLE + "\n|" + String.join("|", shape.header()) + "|\n" + bars);
        for (List<String> row : shape.rows()) {
            out.append("|").append(String.join("|", row)).append("|\n").append(bars);
        }
        return out.toString();
    }

    /** One cell per line with a {@code |} line after each cell and one more after each row; merged cells vanish. */
    static String barLines(Shape shape) {
        StringBuilder out = new StringBuilder(TITLE + "\n|\n");
        Stream.concat(Stream.of(shape.header()), shape.rows().stream()).forEach(row -> {
            row.stream().filter(c -> !c.isEmpty()).forEach(c -> out.append(c).append("\n|\n"));
            out.append("|\n");
        });
        return out.toString();
    }

    /** One cell per line, each ending {@code  |}; empty cells vanish, nothing marks where a row ends. */
    static String trailingBars(Shape shape) {
        return cellPerLine(shape, " |");
    }

    /** One cell per line and nothing else: empty cells vanish, nothing marks where a cell or a row ends. */
    static String cellPerLine(Shape shape, String end) {
        return TITLE + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .flatMap(List::stream).filter(c -> !c.isEmpty()).map(c -> c + end + "\n").collect(Collectors.joining());
    }

    /** Columns aligned with spaces (a table copied from a PDF or a terminal); empty cells vanish. */
    static String whitespace(Shape shape) {
        return TITLE + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .map(row -> row.stream().filter(c -> !c.isEmpty()).collect(Collectors.joining("    ")) + "\n")
                .collect(Collectors.joining());
    }

    /** Tab-separated, as a spreadsheet or a Word table copies: empty cells keep their place between tabs. */
    static String tabs(Shape shape) {
        return TITLE + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .map(row -> String.join("\t", row) + "\n").collect(Collectors.joining());
    }

    /** A Markdown table: pipe rows with a rule under the header. */
    static String markdown(Shape shape) {
        Function<List<String>, String> row = cells -> "| " + String.join(" | ", cells) + " |\n";
        return TITLE + "\n" + row.apply(shape.header()) + "|" + "---|".repeat(shape.columns().size()) + "\n"
                + shape.rows().stream().map(row).collect(Collectors.joining());
    }

    record Rendering(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rendering> renderings() {
        List<Column> all = List.of(Column.values());
        List<Column> noNumber = List.of(Column.GROUP, Column.TEXT, Column.LEAD, Column.RESPONSIBLE, Column.DEADLINE);
        List<Column> numberFirst = List.of(Column.NUMBER, Column.TEXT, Column.LEAD, Column.RESPONSIBLE,
                Column.DEADLINE, Column.REMARK);
        return Stream.of(
                new Rendering("pipe rows", pipeRows(new Shape(all, 0, false, false), "")),
                new Rendering("pipe rows, merged groups, | lines between", pipeRows(new Shape(all, 1, false, true), "|\n")),
                new Rendering("pipe rows, groups first and merged, numbers glued", pipeRows(new Shape(noNumber, 2, true, true), "")),
                new Rendering("pipe rows, cells over several lines",
                        pipeRows(new Shape(all, 4, false, true), "").replace(",", ",\n")),
                new Rendering("|||| rows", barsOnly(new Shape(all, 3, false, false))),
                new Rendering("cell per line, | lines between, merged groups", barLines(new Shape(noNumber, 4, true, true))),
                new Rendering("cell per line, | lines between, number column", barLines(new Shape(numberFirst, 5, false, false))),
                new Rendering("cell per line ending |, merged groups, numbers glued", trailingBars(new Shape(noNumber, 0, true, true))),
                new Rendering("cell per line ending |, number column", trailingBars(new Shape(numberFirst, 1, false, false))),
                new Rendering("cell per line, merged groups, empty remarks vanish", cellPerLine(new Shape(all, 2, false, true), "")),
                new Rendering("cell per line, groups first, numbers glued", cellPerLine(new Shape(noNumber, 3, true, true), "")),
                new Rendering("whitespace-aligned columns", whitespace(new Shape(numberFirst, 4, false, false))),
                new Rendering("whitespace-aligned columns, merged groups", whitespace(new Shape(all, 5, false, true))),
                new Rendering("tab-separated, merged groups", tabs(new Shape(all, 0, false, true))),
                new Rendering("markdown", markdown(new Shape(numberFirst, 1, false, false))),
                new Rendering("cell per line, number column, page links after it",
                        cellPerLine(new Shape(numberFirst.subList(0, 5), 2, false, false), "") + "打印本页\n关闭窗口\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyRenderingParsesBackIntoThePlan(Rendering rendering) {
        ParsedPlan plan = PlanParser.parse(rendering.text(), null);

        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.items()).as(rendering.text()).hasSize(PLAN.size());
        for (int k = 0; k < PLAN.size(); k++) {
            Task want = PLAN.get(k);
            ParsedItem got = plan.items().get(k);
            String what = rendering.name() + ", item " + want.number();
            assertThat(got.number()).as(what).isEqualTo(String.valueOf(want.number()));
            assertThat(got.text()).as(what).isEqualTo(want.text());
            assertThat(got.leadUnits()).as(what).containsExactly(want.lead());
            assertThat(got.responsibleUnits()).as(what).containsExactly(want.responsible().split("、"));
            assertThat(got.cooperatingUnits()).as(what).isEmpty();
            assertThat(got.deadline().raw()).as(what).isEqualTo(want.deadline());
            assertThat(got.deadline().kind()).as(what).isEqualTo(want.kind());
            assertThat(got.deadline().due()).as(what).isEqualTo(want.due());
            assertThat(got.deadline().frequency()).as(what).isEqualTo(want.frequency());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void groupsBecomeChapters(Rendering rendering) {
        ParsedPlan plan = PlanParser.parse(rendering.text(), null);
        if (rendering.text().contains(PLAN.get(0).group())) {
            assertThat(plan.items()).extracting(i -> i.path().get(0)).as(rendering.name())
                    .containsExactly("一", "一", "二", "二", "三");
            assertThat(plan.chapters()).as(rendering.name())
                    .containsEntry("一", "深化重点领域公开").containsEntry("三", "加强平台建设管理");
        }
    }

    @ParameterizedTest(name = "the row before the caption has its unit: {0}")
    @ValueSource(booleans = {true, false})
    void aRepeatedHeaderEndsAPartAndTheTextBeforeItIsTheNextPartsCaption(boolean unitBeforeCaption) {
        Shape shape = new Shape(List.of(Column.NUMBER, Column.TEXT, Column.LEAD), 0, false, false);
        // part two: a caption, the header again, then the last row; row 4 before it with or without its unit
        List<String> out = new ArrayList<>(List.of(cellPerLine(shape, "").split("\n")));
        int lastRow = out.indexOf(String.valueOf(PLAN.get(4).number()));
        if (!unitBeforeCaption) {
            out.remove(--lastRow); // row 4 loses its unit cell, the line before row 5
        }
        out.addAll(lastRow, List.of("第二部分重点工作责任分工", "序号", "工作任务", "牵头单位"));

        ParsedPlan plan = PlanParser.parse(String.join("\n", out), null);

        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(plan.items().get(3).text()).isEqualTo(PLAN.get(3).text());
        assertThat(plan.items().get(3).leadUnits()).isEqualTo(unitBeforeCaption ? List.of(PLAN.get(3).lead()) : List.of());
        assertThat(plan.items().get(4).leadUnits()).containsExactly(PLAN.get(4).lead());
    }

    @Test
    void aTableCopiedOneCellPerLineEndsAtItsLastRowsUnitsAndItsChapterIsNoColumn() {
        String text = String.join("\n", "某市2021年政务公开工作任务分工", "一、重点任务", "序号", "工作任务", "责任单位",
                "1", "做好政府信息公开工作。", "市政府办公室", "2", "做好财政预决算公开。", "市财政局",
                "二、保障措施", "1.健全考核机制。(牵头单位:市政府办公室)", "2.加强业务培训,年底前完成。(责任单位:市委编办)");

        ParsedPlan plan = PlanParser.parse(text, null);

        assertThat(plan.items()).extracting(ParsedItem::text)
                .containsExactly("做好政府信息公开工作。", "做好财政预决算公开。", "健全考核机制。", "加强业务培训,年底前完成。");
        assertThat(plan.items()).extracting(ParsedItem::path)
                .containsExactly(List.of("一", "1"), List.of("一", "2"), List.of("二", "1"), List.of("二", "2"));
        assertThat(plan.items().get(1).responsibleUnits()).containsExactly("市财政局");
        assertThat(plan.items().get(2).leadUnits()).containsExactly("市政府办公室");
        assertThat(plan.items().get(3).responsibleUnits()).containsExactly("市委编办");
    }

    @Test
    void headerNamesInTheirCommonVariantsNameTheirColumns() {
        assertThat(Stream.of("责任单位(部门)", "负责科室", "责任处室", "落实单位", "主办/协办", "责任单位")
                .map(Columns::of)).allMatch(c -> c.orElse(null) == Columns.RESPONSIBLE);
        assertThat(Stream.of("牵头单位", "主办单位").map(Columns::of)).allMatch(c -> c.orElse(null) == Columns.LEAD);
        assertThat(Stream.of("配合单位", "协办单位").map(Columns::of)).allMatch(c -> c.orElse(null) == Columns.COOPERATING);
        assertThat(Stream.of("细化分工", "工作内容", "工作任务", "具体要求", "任务内容", "主要内容", "工作措施")
                .map(Columns::of)).allMatch(c -> c.orElse(null) == Columns.TASK);
        assertThat(Stream.of("完成期限", "完成时限", "时限要求", "时间节点").map(Columns::of))
                .allMatch(c -> c.orElse(null) == Columns.DEADLINE);
        assertThat(Columns.of("备注")).contains(Columns.OTHER);
        assertThat(Columns.of("序号")).contains(Columns.NUMBER);
        assertThat(Stream.of("各部门", "市财政局", "一、加强组织领导", "2025年底前", "加强政策解读和回应关切工作")
                .map(Columns::of)).allMatch(Optional::isEmpty);
    }
}
