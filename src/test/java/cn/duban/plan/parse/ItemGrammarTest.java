package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/** How prose is segmented into items: numbers that are no item numbers, sections as tasks, unit lines, paragraphs. */
class ItemGrammarTest {

    private static List<ParsedItem> items(String plan) {
        return PlanParser.parse(plan.getBytes(StandardCharsets.UTF_8), null).items();
    }

    @Test
    void aLineStartingWithADecimalADateOrAMonthListContinuesTheItem() {
        List<ParsedItem> items = items("""
                试验县2025年重点工作分工方案
                一、项目建设
                1.加快重点项目建设,安排资金
                1.5亿元用于园区道路改造,
                2025.6.30前完成主体工程,
                3、5月各开展一次进度督查。(牵头单位:县发改局)
                2.2025年底前建成县级综合服务中心。(责任单位:县住建局)
                """);
        assertThat(items).extracting(ParsedItem::number).containsExactly("1", "2");
        assertThat(items.get(0).text()).isEqualTo("加快重点项目建设,安排资金1.5亿元用于园区道路改造,2025.6.30前完成主体工程,"
                + "3、5月各开展一次进度督查。");
        assertThat(items.get(1).text()).isEqualTo("2025年底前建成县级综合服务中心。");
    }

    @Test
    void aNumberBeforeDigitsIsAnItemWhenItIsTheNextOne() {
        List<ParsedItem> items = items("""
                试验县2025年重点工作分工方案
                一、项目建设
                1.完成园区道路改造。(责任单位:县交通局)
                2.10月底前完成污水管网铺设。(责任单位:县住建局)
                """);
        assertThat(items).extracting(ParsedItem::text).containsExactly("完成园区道路改造。", "10月底前完成污水管网铺设。");
    }

    @Test
    void enumeratedClausesStayInsideTheItem() {
        List<ParsedItem> items = items("""
                试验县2025年政务公开工作要点
                一、加强平台建设
                1.规范政务新媒体管理:
                一是清理整合功能相近的账号;
                二是建立值班审核制度。(责任单位:县委网信办)
                """);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.text()).isEqualTo("规范政务新媒体管理:一是清理整合功能相近的账号;二是建立值班审核制度。");
            assertThat(i.responsibleUnits()).containsExactly("县委网信办");
        });
    }

    @Test
    void sectionsThatNameTheirUnitsAreTheTasks() {
        List<ParsedItem> items = items("""
                试验县2025年政务公开工作要点
                一、深化重点领域公开
                (一)推进财政信息公开。细化预决算公开内容(县财政局牵头)。
                (二)推进重大项目公开。公开项目批准和实施信息(县发改局牵头,县住建局配合)。
                二、加强政策解读
                (一)开展集中解读,提升解读质量。
                责任单位:县政府办公室
                """);
        assertThat(items).extracting(ParsedItem::path).containsExactly(
                List.of("一", "(一)"), List.of("一", "(二)"), List.of("二", "(一)"));
        assertThat(items.get(0).text()).isEqualTo("推进财政信息公开。细化预决算公开内容。");
        assertThat(items.get(0).leadUnits()).containsExactly("县财政局");
        assertThat(items.get(1).cooperatingUnits()).containsExactly("县住建局");
        assertThat(items.get(2).text()).isEqualTo("开展集中解读,提升解读质量。");
        assertThat(items.get(2).responsibleUnits()).containsExactly("县政府办公室");
    }

    @Test
    void aPlanWithoutHeadingsTakesEachParagraphBeforeItsUnitLine() {
        List<ParsedItem> items = items("""
                试验市2025年政府工作报告目标任务责任分解

                全年地区生产总值增长6%左右。

                市发改委、市统计局分别牵头落实。

                新增城镇就业2万人以上。

                市人社局牵头落实。
                """);
        assertThat(items).extracting(ParsedItem::text).containsExactly("全年地区生产总值增长6%左右。", "新增城镇就业2万人以上。");
        assertThat(items).extracting(ParsedItem::number).containsExactly("1", "2");
        assertThat(items.get(0).leadUnits()).containsExactly("市发改委", "市统计局");
        assertThat(items.get(1).leadUnits()).containsExactly("市人社局");
    }

    @Test
    void whereEachParagraphHasItsUnitLineAParagraphWithoutOneIsAnItemOfItsOwn() {
        List<ParsedItem> items = items("""
                试验市2025年政府工作报告目标任务责任分解
                一、稳定经济增长
                围绕以下目标抓好落实:
                推进园区扩容提质。
                新增标准厂房10万平方米。
                责任单位:市经信局
                引进亿元以上项目20个。
                责任单位:市商务局
                完成固定资产投资增长8%。
                牵头单位:市发改委 责任单位:市财政局
                """);
        assertThat(items).extracting(ParsedItem::text).containsExactly("推进园区扩容提质。", "新增标准厂房10万平方米。",
                "引进亿元以上项目20个。", "完成固定资产投资增长8%。");
        assertThat(items.get(0).namedUnits()).isEmpty();
        assertThat(items.get(1).responsibleUnits()).containsExactly("市经信局");
        assertThat(items.get(3).leadUnits()).containsExactly("市发改委");
        assertThat(items.get(3).responsibleUnits()).containsExactly("市财政局");
    }

    @Test
    void whereItemsRunOverParagraphsTheParagraphsBeforeAUnitLineAreOneItem() {
        List<ParsedItem> items = items("""
                试验县2025年重点工作分工方案
                一、乡村振兴
                实施高标准农田建设。
                年内新建高标准农田2万亩。
                责任单位:县农业农村局
                推进农村人居环境整治。
                完成户厕改造1000户。
                建立长效管护机制。
                责任单位:县住建局、各乡镇人民政府
                """);
        assertThat(items).extracting(ParsedItem::text).containsExactly(
                "实施高标准农田建设。年内新建高标准农田2万亩。", "推进农村人居环境整治。完成户厕改造1000户。建立长效管护机制。");
        assertThat(items.get(1).responsibleUnits()).containsExactly("县住建局", "各乡镇人民政府");
    }

    @Test
    void unitLinesOnSeveralLinesNameTheUnitsOfOneItem() {
        List<ParsedItem> items = items("""
                试验县2025年重点工作分工方案
                一、社会事业
                1.新建城区幼儿园2所。
                牵头单位:县教育局
                责任单位:县自然资源局、县住建局
                2.完成老旧小区改造10个。
                (责任单位:县住建局)
                """);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).isEqualTo("新建城区幼儿园2所。");
        assertThat(items.get(0).leadUnits()).containsExactly("县教育局");
        assertThat(items.get(0).responsibleUnits()).containsExactly("县自然资源局", "县住建局");
        assertThat(items.get(1).text()).isEqualTo("完成老旧小区改造10个。");
        assertThat(items.get(1).responsibleUnits()).containsExactly("县住建局");
    }

    @Test
    void eachParentheticalGivesItsRole() {
        List<ParsedItem> items = items("""
                试验县2025年政务公开工作要点
                一、重点领域公开
                1.做好财政预决算公开(牵头单位:县财政局),各部门按时公开本部门预算(责任单位:县直各部门)。
                """);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.leadUnits()).containsExactly("县财政局");
            assertThat(i.responsibleUnits()).containsExactly("县直各部门");
            assertThat(i.text()).isEqualTo("做好财政预决算公开,各部门按时公开本部门预算。");
        });
    }

    @Test
    void togetherWithAndHostAndAssistantReadAsLeadAndCooperating() {
        List<ParsedItem> items = items("""
                试验县2025年重点工作分工方案
                一、营商环境
                1.开展涉企收费专项检查。(县发改局会同县市场监管局负责)
                2.推进工程建设项目审批改革。
                县住建局会县自然资源局落实。
                3.举办政务公开日活动。
                主办单位:县政府办公室 协办单位:县融媒体中心
                4.开展政策进园区宣讲。(县工信局主办,县司法局、县税务局协办)
                """);
        assertThat(items).hasSize(4);
        assertThat(items).extracting(ParsedItem::leadUnits).containsExactly(
                List.of("县发改局"), List.of("县住建局"), List.of("县政府办公室"), List.of("县工信局"));
        assertThat(items).extracting(ParsedItem::cooperatingUnits).containsExactly(
                List.of("县市场监管局"), List.of("县自然资源局"), List.of("县融媒体中心"), List.of("县司法局", "县税务局"));
        assertThat(items.get(1).text()).isEqualTo("推进工程建设项目审批改革。");
    }

    @Test
    void aPartAboveTheChaptersLeadsThePath() {
        ParsedPlan plan = PlanParser.parse("""
                试验市2025年重点工作分工方案
                第一部分 经济发展
                一、扩大有效投资
                1.推进重大项目建设。(责任单位:市发改委)
                第二部分 民生保障
                一、稳定就业
                1.开展职业技能培训。(责任单位:市人社局)
                """.getBytes(StandardCharsets.UTF_8), null);
        assertThat(plan.items()).extracting(ParsedItem::path).containsExactly(
                List.of("第一部分", "一", "1"), List.of("第二部分", "一", "1"));
        assertThat(plan.chapters()).containsEntry("第一部分", "经济发展").containsEntry("第二部分", "民生保障");
    }

    @Test
    void aClosingParagraphIsNoPartOfTheLastItem() {
        List<ParsedItem> items = items("""
                试验县2025年政务公开工作要点
                一、平台建设
                1.优化政府网站栏目。(责任单位:县大数据中心)
                各单位要高度重视,确保各项任务落到实处。
                """);
        assertThat(items).singleElement().extracting(ParsedItem::text).isEqualTo("优化政府网站栏目。");
    }
}
