package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

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

import cn.duban.plan.parse.GeneratedPlans.Plan;
import cn.duban.plan.parse.GeneratedPlans.Task;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * The plans of {@link GeneratedPlans}, as tables, rendered into the text that copying a web or Word table produces in
 * each layout the parser rebuilds (pipe rows, bar lines, trailing bars, one cell per line, whitespace-aligned
 * columns; merged group cells shown once, empty cells vanished, item numbers in their own column or glued into the
 * text, header names in their common variants): every rendering must parse back into its plan.
 */
class TableLayoutsTest {

    /** What a column holds, and the names headers give it. */
    enum Column {
        NUMBER(t -> String.valueOf(t.number()), "序号", "编号"),
        GROUP(Task::chapter, "工作类别", "重点工作"),
        TEXT(Task::text, "工作任务", "具体要求", "工作内容", "任务内容", "细化分工", "工作措施"),
        LEAD(t -> t.lead().printed(), "牵头单位", "牵头部门", "主办单位"),
        RESPONSIBLE(t -> t.responsible().printed(), "责任单位(部门)", "落实单位", "责任处室", "负责科室", "责任单位"),
        COOPERATING(t -> t.cooperating().printed(), "配合单位", "协办单位", "配合部门"),
        DEADLINE(Task::deadlineCell, "完成时限", "完成期限", "时限要求", "时间节点"),
        REMARK(t -> "", "备注");

        final Function<Task, String> cell;
        final List<String> names;

        Column(Function<Task, String> cell, String... names) {
            this.cell = cell;
            this.names = List.of(names);
        }
    }

    /**
     * How a rendering lays a plan's table out: its columns, its header names (variant {@code variant} of each
     * column's names), whether the item number is glued into the task (1.细化…) and whether a group's merged cell
     * shows on its first row only.
     */
    record Shape(Plan plan, List<Column> columns, int variant, boolean gluedNumber, boolean mergedGroups) {

        List<String> header() {
            return columns.stream().map(c -> c.names.get(variant % c.names.size())).toList();
        }

        /** The cells of each row; a merged group cell is empty on the group's later rows. */
        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            String group = null;
            for (Task t : plan.tasks()) {
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
                group = t.chapter();
                rows.add(row);
            }
            return rows;
        }

        String title() {
            return plan.title();
        }
    }

    // ---- renderings --------------------------------------------------------------------------------------------

    /** {@code a | b | c |}: empty cells stay empty between bars, but vanish at the row's ends (a merged cell). */
    static String pipeRows(Shape shape, String between) {
        StringBuilder out = new StringBuilder(shape.title() + "\n" + String.join(" | ", shape.header()) + " |\n");
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
        StringBuilder out = new StringBuilder(shape.title() + "\n|" + String.join("|", shape.header()) + "|\n" + bars);
        for (List<String> row : shape.rows()) {
            out.append("|").append(String.join("|", row)).append("|\n").append(bars);
        }
        return out.toString();
    }

    /** One cell per line with a {@code |} line after each cell and one more after each row; merged cells vanish. */
    static String barLines(Shape shape) {
        StringBuilder out = new StringBuilder(shape.title() + "\n|\n");
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
        return shape.title() + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .flatMap(List::stream).filter(c -> !c.isEmpty()).map(c -> c + end + "\n").collect(Collectors.joining());
    }

    /** Columns aligned with spaces (a table copied from a PDF or a terminal); empty cells vanish. */
    static String whitespace(Shape shape) {
        return shape.title() + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .map(row -> row.stream().filter(c -> !c.isEmpty()).collect(Collectors.joining("    ")) + "\n")
                .collect(Collectors.joining());
    }

    /** Tab-separated, as a spreadsheet or a Word table copies: empty cells keep their place between tabs. */
    static String tabs(Shape shape) {
        return shape.title() + "\n" + Stream.concat(Stream.of(shape.header()), shape.rows().stream())
                .map(row -> String.join("\t", row) + "\n").collect(Collectors.joining());
    }

    /** A Markdown table: pipe rows with a rule under the header. */
    static String markdown(Shape shape) {
        Function<List<String>, String> row = cells -> "| " + String.join(" | ", cells) + " |\n";
        return shape.title() + "\n" + row.apply(shape.header()) + "|" + "---|".repeat(shape.columns().size()) + "\n"
                + shape.rows().stream().map(row).collect(Collectors.joining());
    }

    record Rendering(Plan plan, String name, String text, boolean chaptered) {
        @Override
        public String toString() {
            return plan + ": " + name;
        }
    }

    /** Every layout of every plan. */
    static Stream<Rendering> renderings() {
        return GeneratedPlans.ALL.stream().flatMap(TableLayoutsTest::renderings);
    }

    static Stream<Rendering> renderings(Plan plan) {
        List<Column> all = List.of(Column.values());
        List<Column> noNumber = List.of(Column.GROUP, Column.TEXT, Column.LEAD, Column.RESPONSIBLE, Column.COOPERATING,
                Column.DEADLINE);
        List<Column> numberFirst = List.of(Column.NUMBER, Column.TEXT, Column.LEAD, Column.RESPONSIBLE,
                Column.COOPERATING, Column.DEADLINE, Column.REMARK);
        List<Column> noRemark = numberFirst.subList(0, numberFirst.size() - 1);
        Function<String, String> severalLines = text -> text.replace(",", ",\n");
        record Layout(String name, Shape shape, Function<Shape, String> render) {
            /** Layouts where empty cells vanish: nothing tells an empty responsible cell from an empty cooperating one. */
            boolean emptyCellsVanish() {
                return name.startsWith("cell per line") || name.startsWith("whitespace");
            }
        }
        return Stream.of(
                new Layout("pipe rows", new Shape(plan, all, 0, false, false), s -> pipeRows(s, "")),
                new Layout("pipe rows, merged groups, | lines between", new Shape(plan, all, 1, false, true), s -> pipeRows(s, "|\n")),
                new Layout("pipe rows, groups first and merged, numbers glued", new Shape(plan, noNumber, 2, true, true), s -> pipeRows(s, "")),
                new Layout("pipe rows, cells over several lines", new Shape(plan, all, 4, false, true),
                        s -> severalLines.apply(pipeRows(s, ""))),
                new Layout("|||| rows", new Shape(plan, all, 3, false, false), TableLayoutsTest::barsOnly),
                new Layout("cell per line, | lines between, merged groups", new Shape(plan, noNumber, 4, true, true), TableLayoutsTest::barLines),
                new Layout("cell per line, | lines between, number column", new Shape(plan, numberFirst, 5, false, false), TableLayoutsTest::barLines),
                new Layout("cell per line ending |, merged groups, numbers glued", new Shape(plan, noNumber, 0, true, true), TableLayoutsTest::trailingBars),
                new Layout("cell per line ending |, number column", new Shape(plan, numberFirst, 1, false, false), TableLayoutsTest::trailingBars),
                new Layout("cell per line, merged groups, empty remarks vanish", new Shape(plan, all, 2, false, true), s -> cellPerLine(s, "")),
                new Layout("cell per line, groups first, numbers glued", new Shape(plan, noNumber, 3, true, true), s -> cellPerLine(s, "")),
                new Layout("whitespace-aligned columns", new Shape(plan, numberFirst, 4, false, false), TableLayoutsTest::whitespace),
                new Layout("whitespace-aligned columns, merged groups", new Shape(plan, all, 5, false, true), TableLayoutsTest::whitespace),
                new Layout("tab-separated, merged groups", new Shape(plan, all, 0, false, true), TableLayoutsTest::tabs),
                new Layout("markdown", new Shape(plan, numberFirst, 1, false, false), TableLayoutsTest::markdown),
                new Layout("cell per line, number column, page links after it", new Shape(plan, noRemark, 2, false, false),
                        s -> cellPerLine(s, "") + "打印本页\n关闭窗口\n"))
                .map(l -> new Rendering(l.emptyCellsVanish() ? plan.withoutEmptyCells() : plan, l.name(),
                        l.render().apply(l.shape()), l.shape().columns().contains(Column.GROUP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyRenderingParsesBackIntoThePlan(Rendering rendering) {
        ParsedPlan plan = PlanParser.parse(rendering.text(), null);
        GeneratedPlans.assertParsedAs(plan, rendering.plan(), rendering.name() + "\n" + rendering.text(),
                rendering.chaptered());
    }

    @ParameterizedTest(name = "the row before the caption has its unit: {0}")
    @ValueSource(booleans = {true, false})
    void aRepeatedHeaderEndsAPartAndTheTextBeforeItIsTheNextPartsCaption(boolean unitBeforeCaption) {
        Shape shape = new Shape(GeneratedPlans.COUNTY, List.of(Column.NUMBER, Column.TEXT, Column.LEAD), 0, false, false);
        List<Task> tasks = GeneratedPlans.COUNTY.tasks();
        // part two: a caption, the header again, then the last row; row 4 before it with or without its unit
        List<String> out = new ArrayList<>(List.of(cellPerLine(shape, "").split("\n")));
        int lastRow = out.indexOf(String.valueOf(tasks.get(4).number()));
        if (!unitBeforeCaption) {
            out.remove(--lastRow); // row 4 loses its unit cell, the line before row 5
        }
        out.addAll(lastRow, List.of("第二部分重点工作责任分工", "序号", "工作任务", "牵头单位"));

        ParsedPlan plan = PlanParser.parse(String.join("\n", out), null);

        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2", "3", "4", "5");
        assertThat(plan.items().get(3).text()).isEqualTo(tasks.get(3).text());
        assertThat(plan.items().get(3).leadUnits()).isEqualTo(unitBeforeCaption ? List.of(tasks.get(3).lead().printed()) : List.of());
        assertThat(plan.items().get(4).leadUnits()).containsExactly(tasks.get(4).lead().printed());
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
