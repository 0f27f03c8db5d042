package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * Plans written here as data, rendered as prose the way plans are published: numbered items in every numbering
 * style with unit parentheticals, and unnumbered paragraphs each followed by its unit line in every unit-line
 * form. Every rendering must parse back into the plan's items: text, units by role, deadline, number and chapter.
 */
class ProseLayoutsTest {

    /** One task: its text, its units by role, and its deadline as printed (null: the text states it). */
    record Task(String text, List<String> lead, List<String> responsible, List<String> cooperating, String deadline,
                Kind kind, LocalDate due, Frequency frequency) {}

    record Chapter(String title, List<Task> tasks) {}

    record Plan(String title, List<Chapter> chapters) {}

    static final Plan COUNTY = new Plan("试验县2025年政务公开工作要点", List.of(
            new Chapter("深化重点领域公开", List.of(
                    new Task("细化财政预决算公开内容,按要求公开部门预算。", List.of("县财政局"), List.of("县直各部门"), List.of(),
                            "2025年6月底前", Kind.DATE, LocalDate.of(2025, 6, 30), null),
                    new Task("公开重点项目审批和建设进展信息,做好项目进展动态更新。", List.of("县发改局"), List.of(),
                            List.of("县住建局"), "常态化开展", Kind.ONGOING, LocalDate.of(2025, 12, 31), null),
                    new Task("做好1.5亿元专项债券资金使用情况公开,3、5月各集中公开一次。", List.of(),
                            List.of("县财政局", "县审计局"), List.of(), "2025年9月30日前", Kind.DATE, LocalDate.of(2025, 9, 30), null))),
            new Chapter("强化政策解读回应", List.of(
                    new Task("围绕重要政策开展集中解读,提升解读质量。", List.of("县政府办公室", "县融媒体中心"), List.of(),
                            List.of(), "每季度", Kind.RECURRING, LocalDate.of(2025, 12, 31), Frequency.QUARTERLY),
                    new Task("做好舆情监测和回应处置工作,年底前建立回应台账。", List.of("县委网信办"),
                            List.of("县公安局", "县卫健局"), List.of("各乡镇人民政府"), null, Kind.YEAR_END,
                            LocalDate.of(2025, 12, 31), null)))));

    static final Plan CITY = new Plan("试验市2026年政府工作报告目标任务责任分解", List.of(
            new Chapter("稳定经济增长", List.of(
                    new Task("全市经济总量力争增长6%左右,税收收入稳中有升。", List.of("市发改委"),
                            List.of("市统计局", "市财政局"), List.of(), "2026年12月31日前", Kind.DATE, LocalDate.of(2026, 12, 31), null),
                    new Task("推进产业园区扩容提质,新增标准厂房20万平方米。", List.of("市经信局"), List.of(), List.of(),
                            "2026年10月底前", Kind.DATE, LocalDate.of(2026, 10, 31), null))),
            new Chapter("办好民生实事", List.of(
                    new Task("新建城区公办幼儿园5所,增加学位1800个。", List.of("市教育局"), List.of("各区人民政府"),
                            List.of("市自然资源局"), "2026年8月31日前", Kind.DATE, LocalDate.of(2026, 8, 31), null),
                    new Task("完成老旧小区改造30个,同步推进加装电梯。", List.of(), List.of("市住建局"), List.of(), "年底前",
                            Kind.YEAR_END, LocalDate.of(2026, 12, 31), null))),
            new Chapter("加强政府自身建设", List.of(
                    new Task("深化政务服务“一网通办”,推动高频事项全程网办。", List.of("市政务服务中心", "市大数据局"),
                            List.of(), List.of("市直各部门"), "持续推进", Kind.ONGOING, LocalDate.of(2026, 12, 31), null)))));

    // ---- numbering styles ----------------------------------------------------------------------------------------

    /** How a style prints a chapter and an item number, and the number the parser gives the item. */
    enum Numbering {
        DOT(c -> Numerals.chinese(c) + "、", n -> n + ".", n -> String.valueOf(n)),
        COMMA(c -> Numerals.chinese(c) + "、", n -> n + "、", n -> String.valueOf(n)),
        SPACED_DOT(c -> Numerals.chinese(c) + ".", n -> n + ". ", n -> String.valueOf(n)),
        BRACKETED(c -> Numerals.chinese(c) + "、", n -> "(" + n + ")", n -> "(" + n + ")"),
        FULL_WIDTH_BRACKETED(c -> Numerals.chinese(c) + "、", n -> "（" + n + "）", n -> "(" + n + ")"),
        HALF_BRACKET(c -> Numerals.chinese(c) + "、", n -> n + ")", n -> n + ")"),
        FULL_WIDTH_HALF_BRACKET(c -> "第" + Numerals.chinese(c) + "部分 ", n -> n + "）", n -> n + ")"),
        CIRCLED(c -> Numerals.chinese(c) + "、", n -> String.valueOf((char) ('①' + n - 1)), n -> String.valueOf((char) ('①' + n - 1))),
        ARTICLE(c -> "第" + Numerals.chinese(c) + "章 ", n -> "第" + Numerals.chinese(n) + "条 ", n -> "第" + Numerals.chinese(n) + "条");

        final Function<Integer, String> chapter;
        final Function<Integer, String> item;
        final Function<Integer, String> number;

        Numbering(Function<Integer, String> chapter, Function<Integer, String> item, Function<Integer, String> number) {
            this.chapter = chapter;
            this.item = item;
            this.number = number;
        }

        /** The key the parser gives the chapter: its numeral, or the whole 第…部分/第…章 marker. */
        String chapterKey(int c) {
            String printed = chapter.apply(c).strip();
            return printed.startsWith("第") ? printed : Numerals.chinese(c);
        }
    }

    /** The parenthetical after a task: every role labelled, the deadline as a note inside it. */
    static String parenthetical(Task t) {
        return "(" + labels(t, ";") + ")";
    }

    private static void label(List<String> parts, String label, List<String> units) {
        if (!units.isEmpty()) {
            parts.add(label + ":" + String.join("、", units));
        }
    }

    /** Numbered prose: chapter headings, then each task numbered in {@code style}, numbers restarting per chapter. */
    static String numbered(Plan plan, Numbering style) {
        StringBuilder out = new StringBuilder(plan.title()).append("\n\n为做好今年工作,制定本要点。\n\n");
        int c = 0;
        for (Chapter chapter : plan.chapters()) {
            out.append(style.chapter.apply(++c)).append(chapter.title()).append("\n");
            int n = 0;
            for (Task t : chapter.tasks()) {
                out.append(style.item.apply(++n)).append(t.text()).append(parenthetical(t)).append("\n");
            }
        }
        return out.append("\n各单位要高度重视,抓好落实。\n").toString();
    }

    // ---- unit lines ------------------------------------------------------------------------------------------------

    /** How a unit line names the units after an unnumbered paragraph. */
    enum UnitLine {
        /** 牵头单位:A 责任单位:B 完成时限:… */
        LABELS_SPACED(t -> labels(t, " ")),
        /** 牵头单位:A;责任单位:B;完成时限:… */
        LABELS_SEMICOLON(t -> labels(t, ";")),
        /** (牵头单位:A;责任单位:B;完成时限:…) alone on its line. */
        BRACKETED(ProseLayoutsTest::parenthetical),
        /** A牵头,B负责,C配合,…完成。 / A牵头落实。 / A、B分别牵头落实。 / B负责落实。 */
        VERBS(t -> {
            List<String> clauses = new ArrayList<>();
            String lead = String.join("、", t.lead());
            boolean leadsAlone = t.responsible().isEmpty() && t.cooperating().isEmpty();
            if (!t.lead().isEmpty()) {
                clauses.add(lead + (!leadsAlone ? "牵头" : t.lead().size() > 1 ? "分别牵头落实" : "牵头落实"));
            }
            if (!t.responsible().isEmpty()) {
                clauses.add(String.join("、", t.responsible()) + (t.lead().isEmpty() ? "负责落实" : "负责"));
            }
            if (!t.cooperating().isEmpty()) {
                clauses.add(String.join("、", t.cooperating()) + "配合");
            }
            return withDeadline(String.join(",", clauses), t);
        }),
        /** 主办单位:A 协办单位:C, or A主办,B负责,C协办. */
        HOST(t -> {
            List<String> clauses = new ArrayList<>();
            if (!t.lead().isEmpty()) {
                clauses.add(String.join("、", t.lead()) + "主办");
            }
            if (!t.responsible().isEmpty()) {
                clauses.add(String.join("、", t.responsible()) + "负责");
            }
            if (!t.cooperating().isEmpty()) {
                clauses.add(String.join("、", t.cooperating()) + "协办");
            }
            return withDeadline(String.join(",", clauses), t);
        }),
        /** A会同C负责 (with B: A会同C牵头,B按职责分工负责). */
        TOGETHER(t -> {
            if (t.lead().isEmpty() || t.cooperating().isEmpty()) {
                return VERBS.render.apply(t);
            }
            String together = String.join("、", t.lead()) + "会同" + String.join("、", t.cooperating());
            return withDeadline(together + (t.responsible().isEmpty() ? "负责"
                    : "牵头," + String.join("、", t.responsible()) + "按职责分工负责"), t);
        });

        final Function<Task, String> render;

        UnitLine(Function<Task, String> render) {
            this.render = render;
        }
    }

    private static String labels(Task t, String separator) {
        List<String> parts = new ArrayList<>();
        label(parts, "牵头单位", t.lead());
        label(parts, "责任单位", t.responsible());
        label(parts, "配合单位", t.cooperating());
        if (t.deadline() != null) {
            parts.add("完成时限:" + t.deadline());
        }
        return String.join(separator, parts);
    }

    private static String withDeadline(String units, Task t) {
        return units + (t.deadline() == null ? "" : "," + t.deadline() + (t.deadline().endsWith("前") ? "完成" : "")) + "。";
    }

    /** Unnumbered: chapter headings, then each task a paragraph and its units on the line after it. */
    static String unnumbered(Plan plan, UnitLine form) {
        StringBuilder out = new StringBuilder(plan.title()).append("\n\n");
        int c = 0;
        for (Chapter chapter : plan.chapters()) {
            out.append(Numerals.chinese(++c)).append("、").append(chapter.title()).append("\n\n");
            for (Task t : chapter.tasks()) {
                out.append(t.text()).append("\n\n").append(form.render.apply(t)).append("\n\n");
            }
        }
        return out.toString();
    }

    /** Unnumbered prose: each task a paragraph ending with its unit parenthetical. */
    static String unnumberedParentheticals(Plan plan) {
        StringBuilder out = new StringBuilder(plan.title()).append("\n");
        int c = 0;
        for (Chapter chapter : plan.chapters()) {
            out.append(Numerals.chinese(++c)).append("、").append(chapter.title()).append("\n");
            for (Task t : chapter.tasks()) {
                out.append(t.text()).append(parenthetical(t)).append("\n");
            }
        }
        return out.toString();
    }

    // ---- the test --------------------------------------------------------------------------------------------------

    record Rendering(String name, Plan plan, String text, Numbering numbering) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rendering> renderings() {
        List<Rendering> all = new ArrayList<>();
        for (Plan plan : List.of(COUNTY, CITY)) {
            for (Numbering style : Numbering.values()) {
                all.add(new Rendering(plan.title() + ", numbered " + style, plan, numbered(plan, style), style));
            }
            for (UnitLine form : UnitLine.values()) {
                all.add(new Rendering(plan.title() + ", unit lines " + form, plan, unnumbered(plan, form), null));
            }
            all.add(new Rendering(plan.title() + ", unnumbered with parentheticals", plan,
                    unnumberedParentheticals(plan), null));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyRenderingParsesBackIntoThePlan(Rendering r) {
        ParsedPlan parsed = PlanParser.parse(r.text().getBytes(StandardCharsets.UTF_8), null);
        List<Task> tasks = r.plan().chapters().stream().flatMap(c -> c.tasks().stream()).toList();
        assertThat(parsed.items()).as("items of\n%s", r.text()).hasSize(tasks.size());
        int i = 0;
        int c = 0;
        for (Chapter chapter : r.plan().chapters()) {
            c++;
            String key = r.numbering() == null ? Numerals.chinese(c) : r.numbering().chapterKey(c);
            assertThat(parsed.chapters()).as("chapters").containsEntry(key, chapter.title());
            int n = 0;
            for (Task t : chapter.tasks()) {
                ParsedItem item = parsed.items().get(i++);
                n++;
                String number = r.numbering() == null ? String.valueOf(n) : r.numbering().number.apply(n);
                String label = "item " + key + "/" + number + " of\n" + r.text();
                assertThat(item.path()).as(label).containsExactly(key, number);
                assertThat(item.number()).as(label).isEqualTo(number);
                assertThat(item.text()).as(label).isEqualTo(t.text());
                assertThat(item.leadUnits()).as("lead of " + label).containsExactlyElementsOf(t.lead());
                assertThat(item.responsibleUnits()).as("responsible of " + label).containsExactlyElementsOf(t.responsible());
                assertThat(item.cooperatingUnits()).as("cooperating of " + label).containsExactlyElementsOf(t.cooperating());
                assertThat(item.deadline().kind()).as("deadline of " + label).isEqualTo(t.kind());
                assertThat(item.deadline().due()).as("due of " + label).isEqualTo(t.due());
                assertThat(item.deadline().frequency()).as("frequency of " + label).isEqualTo(t.frequency());
            }
        }
        assertThat(parsed.warnings()).as("warnings").noneMatch(w -> w.contains("未识别到牵头或责任单位"));
    }
}
