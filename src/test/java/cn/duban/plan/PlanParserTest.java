package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.duban.plan.ParsedPlan.ParsedItem;

class PlanParserTest {

    private static final String NOTICE = """
            测试县人民政府办公室关于印发测试县2025年政务公开工作要点的通知

            测政办发〔2025〕12号

            各乡镇人民政府，县政府各部门：

            现将《测试县2025年政务公开工作要点》印发给你们，请认真贯彻落实。

            2025年4月8日

            测试县2025年政务公开工作要点

            一、深化重点领域公开

            （一）财政信息公开

            1．细化部门预决算公开，
            做到全面公开。（牵头单位：县财政局；责任单位：县政府各部门）6月底前

            2、公开政府债务信息。(责任单位:县财政局、县发展和改革局,配合单位:县审计局)每季度

            （二）解读回应

            3.做好政策解读工作。（牵头单位：县政府办公室，责任单位：各县〔市、区〕人民政府、县教育局）常态化开展

            二、加强平台建设

            4.按时发布年度报告。(责任单位:县政府办公室)1月31日前

            5.完善政府网站栏目。
            """;

    @Test
    void readsMetadataHierarchyUnitsAndDeadlines() {
        ParsedPlan plan = PlanParser.parse(NOTICE, null);
        assertThat(plan.title()).isEqualTo("测试县2025年政务公开工作要点");
        assertThat(plan.organ()).isEqualTo("测试县人民政府办公室");
        assertThat(plan.docNumber()).isEqualTo("测政办发〔2025〕12号");
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 4, 8));
        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2", "3", "4", "5");

        ParsedItem first = plan.items().get(0);
        assertThat(first.path()).isEqualTo("一/(一)/1");
        assertThat(first.chapter()).isEqualTo("深化重点领域公开");
        assertThat(first.section()).isEqualTo("财政信息公开");
        assertThat(first.text()).as("continuation lines joined, units cut off").isEqualTo("细化部门预决算公开，做到全面公开。");
        assertThat(first.leadUnits()).containsExactly("县财政局");
        assertThat(first.responsibleUnits()).containsExactly("县政府各部门");
        assertThat(first.deadline()).isEqualTo(new Deadline(Deadline.Kind.DATE, LocalDate.of(2025, 6, 30), null, "6月底前"));

        ParsedItem second = plan.items().get(1);
        assertThat(second.responsibleUnits()).containsExactly("县财政局", "县发展和改革局");
        assertThat(second.cooperatingUnits()).containsExactly("县审计局");
        assertThat(second.deadline().kind()).isEqualTo(Deadline.Kind.RECURRING);
        assertThat(second.deadline().frequency()).isEqualTo("QUARTERLY");

        ParsedItem third = plan.items().get(2);
        assertThat(third.path()).isEqualTo("一/(二)/3");
        assertThat(third.responsibleUnits()).as("brackets stay inside a name").containsExactly("各县〔市、区〕人民政府", "县教育局");
        assertThat(third.deadline().kind()).isEqualTo(Deadline.Kind.ONGOING);
        assertThat(third.deadline().due()).isEqualTo(LocalDate.of(2025, 12, 31));

        assertThat(plan.items().get(3).path()).isEqualTo("二/4");
        assertThat(plan.items().get(3).deadline().due()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(plan.warnings()).containsExactly("第5项未识别到牵头或责任单位", "第5项未识别到完成时限");
    }

    @Test
    void yearGivenByTheCallerWins() {
        ParsedPlan plan = PlanParser.parse(NOTICE, 2026);
        assertThat(plan.year()).isEqualTo(2026);
        assertThat(plan.items().get(0).deadline().due()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void textWithoutItemsGivesNoItems() {
        assertThat(PlanParser.parse("只是一段说明文字。\n没有编号。", null).items()).isEmpty();
        assertThat(PlanParser.parse("", 2024).items()).isEmpty();
    }

    @Test
    void impossibleDatesAreNotDeadlines() {
        assertThat(PlanParser.deadline("13月底前", 2025)).isNull();
        assertThat(PlanParser.deadline("2月30日前", 2025)).isNull();
        assertThat(PlanParser.deadline("2月29日前", 2024).due()).isEqualTo(LocalDate.of(2024, 2, 29));
    }
}
