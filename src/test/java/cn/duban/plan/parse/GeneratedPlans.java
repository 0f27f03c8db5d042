package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement.Per;

/**
 * Plans written here as structured data (a 县 plan, a 市直部门 plan with 科室, a 区 plan with 街道 and 乡镇), each
 * with the reading the parser must give back whatever the document they are rendered into: the layout generator of
 * {@link TableLayoutsTest} and {@link PlanRenderingsTest} renders them, and {@link #assertParsedAs} compares.
 */
final class GeneratedPlans {

    private GeneratedPlans() {}

    /** A list of units as a cell prints it, and the unit names it must read as. */
    record Units(String printed, List<String> names) {

        /** Names listed with 、, read as printed. */
        static Units of(String printed) {
            return new Units(printed, printed.isEmpty() ? List.of() : Arrays.asList(printed.split("、")));
        }

        static final Units NONE = of("");

        boolean isEmpty() {
            return printed.isEmpty();
        }
    }

    /**
     * One task: its chapter heading (一、…), number, text, units, the deadline cell as printed and the deadline and
     * requirements it must read as.
     */
    record Task(String chapter, int number, String text, Units lead, Units responsible, Units cooperating,
                String deadlineCell, Deadline deadline, List<Requirement> requirements) {

        String chapterNumeral() {
            return chapter.substring(0, chapter.indexOf('、'));
        }

        String chapterTitle() {
            return chapter.substring(chapter.indexOf('、') + 1);
        }
    }

    /** A plan: its title, the year it states, its tasks in order (chapters as their first task opens them). */
    record Plan(String name, String title, int year, List<Task> tasks) {

        Map<String, String> chapters() {
            Map<String, String> chapters = new LinkedHashMap<>();
            tasks.forEach(t -> chapters.putIfAbsent(t.chapterNumeral(), t.chapterTitle()));
            return chapters;
        }

        /**
         * The plan as a rendering whose empty cells vanish tells it: cooperating units of a task with no responsible
         * unit stand where responsible units would, and read as such.
         */
        Plan withoutEmptyCells() {
            return new Plan(name, title, year, tasks.stream().map(t -> !t.responsible().isEmpty() ? t
                    : new Task(t.chapter(), t.number(), t.text(), t.lead(), t.cooperating(), Units.NONE, t.deadlineCell(),
                            t.deadline(), t.requirements())).toList());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ---- deadlines as they must read ----------------------------------------------------------------------------

    static Deadline date(String raw, int year, int month, int day, LocalDate... milestones) {
        return new Deadline(Kind.DATE, LocalDate.of(year, month, day), null, raw, List.of(milestones));
    }

    static Deadline yearEnd(String raw, int year) {
        return new Deadline(Kind.YEAR_END, LocalDate.of(year, 12, 31), null, raw, List.of());
    }

    static Deadline ongoing(String raw, int year) {
        return new Deadline(Kind.ONGOING, LocalDate.of(year, 12, 31), null, raw, List.of());
    }

    static Deadline every(Frequency frequency, String raw, int year) {
        return new Deadline(Kind.RECURRING, LocalDate.of(year, 12, 31), frequency, raw, List.of());
    }

    private static Task task(String chapter, int number, String text, String lead, String responsible,
                             String cooperating, String deadlineCell, Deadline deadline, Requirement... requirements) {
        return new Task(chapter, number, text, Units.of(lead), Units.of(responsible), Units.of(cooperating),
                deadlineCell, deadline, List.of(requirements));
    }

    // ---- the plans ----------------------------------------------------------------------------------------------

    private static final String C1 = "一、深化重点领域公开";
    private static final String C2 = "二、强化政策解读回应";
    private static final String C3 = "三、加强平台建设管理";

    /** A 县 plan: 县直 bureaus, 乡镇 and the groups 县直各部门, 各乡镇人民政府. */
    static final Plan COUNTY = new Plan("县", "测试县2025年政务公开重点工作任务分工", 2025, List.of(
            task(C1, 1, "细化财政预决算公开内容,按要求公开部门预算。", "县财政局", "县直各部门", "",
                    "2025年6月底前", date("2025年6月底前", 2025, 6, 30)),
            task(C1, 2, "公开重点项目审批和建设进展信息。", "县发改局", "各乡镇人民政府", "县自然资源局",
                    "常态化开展", ongoing("常态化开展", 2025)),
            task(C2, 3, "围绕重要政策开展集中解读,每季度至少开展1次解读活动。", "县政府办公室", "县融媒体中心", "",
                    "每季度", every(Frequency.QUARTERLY, "每季度", 2025), new Requirement(1, Per.QUARTER)),
            task(C2, 4, "做好舆情监测和回应处置工作。", "县委网信办", "县公安局、县卫健局", "",
                    "2025年9月30日", date("2025年9月30日", 2025, 9, 30)),
            task(C3, 5, "优化政府网站栏目设置,规范政务新媒体管理。", "县大数据中心", "各乡镇人民政府、县直各单位", "",
                    "年底前", yearEnd("年底前", 2025))));

    private static final String D1 = "一、推进监管信息公开";
    private static final String D2 = "二、做好政策发布解读";
    private static final String D3 = "三、夯实公开工作基础";

    /** A 市直部门 plan: its 科室 and the 市 bureaus beside it; dates in every form, several in one cell. */
    static final Plan DEPARTMENT = new Plan("市直部门", "测试市市场监督管理局2025年政务公开工作要点责任分工", 2025, List.of(
            task(D1, 1, "公开行政许可和行政处罚结果,做到七个工作日内上网。", "法规科", "登记注册科、综合执法科", "信息中心",
                    "长期坚持", ongoing("长期坚持", 2025)),
            new Task(D1, 2, "公开食品安全抽检结果,定期发布抽检分析报告。", Units.of("食品抽检科"),
                    new Units("各县(市、区)市场监管局", List.of("各县(市、区)市场监管局")), Units.NONE,
                    "每半年", every(Frequency.HALF_YEARLY, "每半年", 2025), List.of()),
            task(D1, 3, "建立企业信用风险分类名单并向社会公开。", "信用监管科", "各科室", "市发展和改革委员会",
                    "2025-10-31", date("2025-10-31", 2025, 10, 31)),
            task(D2, 4, "编制年度政策文件目录,同步发布解读材料。", "办公室", "法规科、各业务科室", "",
                    "2025年3月底前完成目录,2025年11月底前完成解读",
                    date("2025年3月底前完成目录,2025年11月底前完成解读", 2025, 11, 30, LocalDate.of(2025, 3, 31))),
            task(D2, 5, "组织开展局长接待日活动,听取经营主体意见建议。", "办公室", "", "法规科、信用监管科",
                    "2025年5月31日", date("2025年5月31日", 2025, 5, 31)),
            task(D3, 6, "更新政府信息公开指南,规范依申请公开答复文书。", "法规科", "办公室", "",
                    "2025年7月31日", date("2025年7月31日", 2025, 7, 31)),
            task(D3, 7, "开展政务公开业务培训,年内至少组织2次。", "办公室", "各科室", "",
                    "2025年6月30日、2025年12月20日",
                    date("2025年6月30日、2025年12月20日", 2025, 12, 20, LocalDate.of(2025, 6, 30)),
                    new Requirement(2, Per.YEAR))));

    private static final String E1 = "一、夯实区级公开工作基础";
    private static final String E2 = "二、提升政务服务便民水平";

    /** A 区 plan in 2026: 区 bureaus, 街道 and 镇, a group 区司法局等部门 read without its 等. */
    static final Plan DISTRICT = new Plan("区", "测试区2026年政务公开重点任务清单", 2026, List.of(
            new Task(E1, 1, "梳理基层政务公开事项目录,动态调整公开标准。", Units.of("区政府办公室"),
                    Units.of("各街道办事处、各镇人民政府"), new Units("区司法局等部门", List.of("区司法局")),
                    "2026年9月底前", date("2026年9月底前", 2026, 9, 30), List.of()),
            task(E1, 2, "规范村(居)务公开栏设置,及时更新公开内容。", "区民政局", "各街道办事处、各镇人民政府", "",
                    "每季度", every(Frequency.QUARTERLY, "每季度", 2026)),
            task(E1, 3, "在政府开放日组织群众走进政务服务中心,每年至少举办1次。", "区委宣传部", "区政务服务中心", "区融媒体中心",
                    "2026年10月31日", date("2026年10月31日", 2026, 10, 31), new Requirement(1, Per.YEAR)),
            task(E2, 4, "推行高频政务服务事项一次办、网上办。", "区政务服务中心", "区直各部门", "",
                    "长期坚持", ongoing("长期坚持", 2026)),
            task(E2, 5, "公开住房保障分配结果,接受社会监督。", "区住房城乡建设局", "青山街道办事处、白云镇人民政府", "",
                    "2026-12-31", date("2026-12-31", 2026, 12, 31)),
            task(E2, 6, "畅通政务服务投诉渠道,办理结果按月反馈。", "区政务服务中心", "", "区司法局",
                    "每半年", every(Frequency.HALF_YEARLY, "每半年", 2026))));

    static final List<Plan> ALL = List.of(COUNTY, DEPARTMENT, DISTRICT);

    static java.util.stream.Stream<Plan> plans() {
        return ALL.stream();
    }

    // ---- the comparison -----------------------------------------------------------------------------------------

    /**
     * The parse equals the plan: title, year, chapters and every item's number, path, text, units, deadline and
     * requirements; {@code chaptered} when the rendering shows the chapters (a table may leave them out).
     */
    static void assertParsedAs(ParsedPlan parsed, Plan plan, String rendering, boolean chaptered) {
        String where = plan + " / " + rendering;
        assertThat(parsed.title()).as(where + ": title").isEqualTo(plan.title());
        assertThat(parsed.year()).as(where + ": year").isEqualTo(plan.year());
        assertThat(parsed.items()).extracting(ParsedItem::number).as(where + ": item numbers")
                .containsExactlyElementsOf(plan.tasks().stream().map(t -> String.valueOf(t.number())).toList());
        for (int k = 0; k < plan.tasks().size(); k++) {
            Task want = plan.tasks().get(k);
            ParsedItem got = parsed.items().get(k);
            String what = where + ", item " + want.number();
            List<String> path = chaptered ? List.of(want.chapterNumeral(), String.valueOf(want.number()))
                    : List.of(String.valueOf(want.number()));
            assertThat(got.path()).as(what + ": path").isEqualTo(path);
            assertThat(got.text()).as(what + ": text").isEqualTo(want.text());
            assertThat(got.leadUnits()).as(what + ": lead").isEqualTo(want.lead().names());
            assertThat(got.responsibleUnits()).as(what + ": responsible").isEqualTo(want.responsible().names());
            assertThat(got.cooperatingUnits()).as(what + ": cooperating").isEqualTo(want.cooperating().names());
            assertThat(got.deadline()).as(what + ": deadline").isEqualTo(want.deadline());
            assertThat(got.requirements()).as(what + ": requirements").isEqualTo(want.requirements());
        }
        assertThat(parsed.chapters()).as(where + ": chapters").isEqualTo(chaptered ? plan.chapters() : Map.of());
    }
}
