package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * Nothing of a plan is dropped without a word: every line ends up in an item, a heading, the preamble or page
 * furniture, or it is quoted in one warning; a signature after the last item is no part of it; a document without
 * items is refused with what was seen in it.
 */
class NoSilentLossTest {

    private static final String HEAD = """
            某县2025年政务公开工作要点
            一、总体要求
            以提升政务服务水平为目标, 全面推进决策、执行、管理、服务、结果公开。
            二、重点任务
            1.公开年度预算和决算。(责任单位:县财政局)年底前
            2.做好惠民补贴信息公开。(责任单位:县民政局)6月底前
            """;

    private static List<String> unplacedWarnings(ParsedPlan plan) {
        return plan.warnings().stream().filter(w -> w.contains("行未归入任何事项")).toList();
    }

    @Test
    void aChaptersIntroductionIsItsHeadingsTextAndNoLoss() {
        ParsedPlan plan = PlanParser.parse(HEAD, null);
        assertThat(plan.items()).hasSize(2);
        assertThat(unplacedWarnings(plan)).isEmpty();
    }

    @Test
    void aParagraphThatNoItemClaimsIsQuotedInOneWarningAndOneWithItsUnitsIsAnItem() {
        ParsedPlan plan = PlanParser.parse(HEAD + """
                三、保障措施
                加强督促检查, 每季度通报落实情况。(责任单位:县政府办)
                3.开展政务公开培训。(责任单位:县政务服务中心)年底前
                请各单位对照任务抓好落实, 确保取得实效。
                4.做好政务公开考核。(责任单位:县政府办)12月底前
                """, null);
        assertThat(plan.items()).extracting(ParsedItem::path).containsExactly(List.of("二", "1"), List.of("二", "2"),
                List.of("三", "1"), List.of("三", "3"), List.of("三", "4"));
        assertThat(plan.items().get(2).responsibleUnits()).containsExactly("县政府办");
        assertThat(unplacedWarnings(plan)).containsExactly("1 行未归入任何事项: «请各单位对照任务抓好落实, 确保取得实效。»");
    }

    @Test
    void aNoteAfterATableAndTableRowsWithoutATaskAreQuoted() {
        ParsedPlan plan = PlanParser.parse("""
                某区2025年政务公开任务分工表
                | 序号 | 工作任务 | 责任单位 | 完成时限 |
                | 1 | 公开重点项目审批和建设进展信息 | 区发改局 | 年底前 |
                | 2 | | 区住建局 | 9月底前 |
                | 3 | 公开义务教育招生信息 | 区教育局 | 8月底前 |
                | 4 | | 区卫健局 | |
                | 5 | 公开养老服务机构名录 | 区民政局 | 长期坚持 |
                备注:表中各项均由区政府办统筹协调, 区直各部门配合。
                """, null);
        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "3", "5");
        List<String> warnings = unplacedWarnings(plan);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("3 行未归入任何事项: «2 | 区住建局 | 9月底前», «4 | 区卫健局», «备注:");
    }

    @Test
    void aSignatureAfterTheLastItemIsNeitherItsTextNorItsDeadline() {
        ParsedPlan plan = PlanParser.parse(HEAD + """
                3.公开政务服务事项办理指南。(责任单位:县政务服务中心)
                - 3 -
                某县人民政府办公室
                2025年3月1日
                (此件公开发布)
                附件:某县2025年政务公开任务分工表
                """, null);
        ParsedItem last = plan.items().get(plan.items().size() - 1);
        assertThat(last.text()).isEqualTo("公开政务服务事项办理指南。");
        assertThat(last.deadline().kind()).isEqualTo(Deadline.Kind.NONE);
        assertThat(unplacedWarnings(plan)).isEmpty();
    }

    @Test
    void aSignatureOfTwoOrgansAfterAPageFooterOfButtonsIsNoLoss() {
        ParsedPlan plan = PlanParser.parse(HEAD + """
                3.开展政务公开业务培训。(责任单位:县政务服务中心)
                中共某县委办公室
                某县人民政府办公室
                2025年2月20日
                【打印本页】【关闭窗口】
                """, null);
        ParsedItem last = plan.items().get(2);
        assertThat(last.text()).isEqualTo("开展政务公开业务培训。");
        assertThat(last.deadline().kind()).isEqualTo(Deadline.Kind.NONE);
        assertThat(unplacedWarnings(plan)).isEmpty();
    }

    @Test
    void anOrgansNameAndADateAfterAnItemWithoutUnitsAreThatItemsUnitLineAndDeadline() {
        ParsedPlan plan = PlanParser.parse("""
                某县2025年政务公开工作要点
                1.公开年度预算和决算。(责任单位:县财政局)年底前
                2.做好惠民补贴信息公开
                县民政局
                2025年6月30日
                """, null);
        assertThat(plan.items().get(1).deadline().due()).hasToString("2025-06-30");
    }

    @Test
    void aPageNumberInsideAnItemIsDropped() {
        ParsedPlan plan = PlanParser.parse("""
                某县2025年政务公开工作要点
                1.公开年度预算和决算,
                — 2 —
                做好预算执行情况说明。(责任单位:县财政局)年底前
                """, null);
        assertThat(plan.items().get(0).text()).isEqualTo("公开年度预算和决算,做好预算执行情况说明。");
    }

    @Test
    void aDocumentOfProseIsRefusedSayingHowManyLinesWereSeen() {
        assertThatThrownBy(() -> PlanParser.parse("""
                某县2025年政务公开工作总结
                今年以来, 我县认真落实政务公开各项要求。
                全年主动公开政府信息一千余条。
                下一步, 我县将继续深化政务公开工作。
                """, null)).isInstanceOf(PlanParseException.class)
                .hasMessage("未识别到任何事项: 识别到 4 行文字, 但没有编号的事项或单位行 (事项应以 1. 1、(1) 等编号开头, 或注明责任单位)");
    }

    @Test
    void aTableWithoutATaskColumnIsRefusedNamingItsColumns() {
        assertThatThrownBy(() -> PlanParser.parse("""
                某区2025年政务公开责任表
                | 序号 | 责任单位 | 完成时限 |
                | 1 | 区财政局 | 年底前 |
                | 2 | 区民政局 | 6月底前 |
                """, null)).isInstanceOf(PlanParseException.class)
                .hasMessage("未识别到任何事项: 识别到 1 个表格 (2 行, 列: 序号/责任单位/完成时限)和 1 行文字, 但未能确定事项列");
    }

    @Test
    void aTableWithoutHeaderOrNumbersIsRefusedSayingSo() {
        assertThatThrownBy(() -> PlanParser.parse("""
                某区2025年政务公开工作台账
                | 公开预算 | 区财政局 | 年底前 |
                | 公开招生信息 | 区教育局 | 8月底前 |
                """, null)).isInstanceOf(PlanParseException.class)
                .hasMessageContaining("识别到 1 个表格 (2 行, 无表头)").hasMessageEndingWith("但没有带序号的事项行");
    }
}
