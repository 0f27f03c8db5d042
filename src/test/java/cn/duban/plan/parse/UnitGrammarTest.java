package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.UnitPhrases.Role;
import cn.duban.plan.parse.UnitPhrases.Units;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units read by a grammar: role words inside a list, 会同/会, unit endings, bracket notes, several parentheticals. */
class UnitGrammarTest {

    private static void assertUnits(Units units, List<String> lead, List<String> responsible, List<String> cooperating) {
        assertThat(units.lead()).as("lead of %s", units).containsExactlyElementsOf(lead);
        assertThat(units.responsible()).as("responsible of %s", units).containsExactlyElementsOf(responsible);
        assertThat(units.cooperating()).as("cooperating of %s", units).containsExactlyElementsOf(cooperating);
    }

    private static void assertUnits(ParsedItem item, List<String> lead, List<String> responsible, List<String> cooperating) {
        assertUnits(new Units(item.leadUnits(), item.responsibleUnits(), item.cooperatingUnits()), lead, responsible, cooperating);
    }

    private static List<ParsedItem> items(String plan) {
        return PlanParser.parse(plan.getBytes(StandardCharsets.UTF_8), null).items();
    }

    @Test
    void hostAndAssistingUnitsInOneCell() {
        assertUnits(UnitPhrases.parse("县档案馆主办、县各乡镇协办", Role.RESPONSIBLE),
                List.of("县档案馆"), List.of(), List.of("县各乡镇"));
        assertUnits(UnitPhrases.parse("市政务服务中心、市司法局主办,市各街道协办", Role.RESPONSIBLE),
                List.of("市政务服务中心", "市司法局"), List.of(), List.of("市各街道"));
        assertUnits(UnitPhrases.parse("区统计局牵头、区各部门配合", Role.RESPONSIBLE),
                List.of("区统计局"), List.of(), List.of("区各部门"));
    }

    @Test
    void togetherWithReadsTheFirstUnitAsLeadAndTheOtherAsCooperating() {
        assertUnits(UnitPhrases.parse("法规科会同信息科负责", Role.RESPONSIBLE),
                List.of("法规科"), List.of(), List.of("信息科"));
        assertUnits(UnitPhrases.parse("人事处会财务室", Role.RESPONSIBLE),
                List.of("人事处"), List.of(), List.of("财务室"));
        assertUnits(UnitPhrases.parse("县应急局会县消防救援大队、县气象站", Role.RESPONSIBLE),
                List.of("县应急局"), List.of(), List.of("县消防救援大队", "县气象站"));
    }

    @Test
    void namesWithTheCharacterHuiStayWhole() {
        List<String> names = List.of("市总工会", "市红十字会", "市工商联合会", "县管委会", "市城管委", "市科学技术协会",
                "县个体劳动者协会", "市人力资源和社会保障局", "区管委会办公室", "县财政所会计核算中心", "市妇女联合会");
        for (String name : names) {
            assertUnits(UnitPhrases.parse(name, Role.RESPONSIBLE), List.of(), List.of(name), List.of());
        }
        assertThat(UnitPhrases.names(String.join("、", names))).containsExactlyElementsOf(names);
    }

    @Test
    void aDutyTailAfterTheListIsNoPartOfTheLastName() {
        assertUnits(UnitPhrases.parse("档案科、法制股、信息中心等按职责分工落实", Role.RESPONSIBLE),
                List.of(), List.of("档案科", "法制股", "信息中心"), List.of());
        assertUnits(UnitPhrases.parse("区教育局、区卫健委等按职责分工负责", Role.RESPONSIBLE),
                List.of(), List.of("区教育局", "区卫健委"), List.of());
        assertUnits(UnitPhrases.parse("区教育局、区卫健委等按职责分工", Role.RESPONSIBLE),
                List.of(), List.of("区教育局", "区卫健委"), List.of());
    }

    @Test
    void unitEndingsSplitAListAndKeepABankWhole() {
        assertThat(UnitPhrases.names("市地方金融监管局、人民银行某市中心支行、某市银保监分局"))
                .containsExactly("市地方金融监管局", "人民银行某市中心支行", "某市银保监分局");
        assertThat(UnitPhrases.names("农业发展银行某县支行、某县农村信用合作联社、县供销社、县实验学校、县档案馆"))
                .containsExactly("农业发展银行某县支行", "某县农村信用合作联社", "县供销社", "县实验学校", "县档案馆");
        assertThat(UnitPhrases.names("市委宣传部、市文旅集团、市水务公司、县财政股、市气象台、县人武部"))
                .containsExactly("市委宣传部", "市文旅集团", "市水务公司", "县财政股", "市气象台", "县人武部");
        assertUnits(UnitPhrases.parse("市金融办、人民银行某市中心支行、某市银保监分局分别牵头落实", Role.RESPONSIBLE),
                List.of("市金融办", "人民银行某市中心支行", "某市银保监分局"), List.of(), List.of());
    }

    @Test
    void aBracketNoteIsNoUnit() {
        for (String note : List.of("下同", "按职责分工负责", "以下同", "列第一位者为牵头单位", "排名第一的为牵头单位")) {
            assertThat(UnitPhrases.isNote(note)).as(note).isTrue();
        }
        for (String units : List.of("牵头单位:县民政局", "县民政局牵头", "责任单位:县政府各部门")) {
            assertThat(UnitPhrases.isNote(units)).as(units).isFalse();
        }
        assertThat(UnitPhrases.firstLeads("列第一位者为牵头单位,下同")).isTrue();
        assertThat(UnitPhrases.firstLeads("排第一位的为牵头单位")).isTrue();
        assertThat(UnitPhrases.firstLeads("第一个为牵头单位")).isTrue();
        assertThat(UnitPhrases.firstLeads("按职责分工负责")).isFalse();
    }

    @Test
    void aNoteThatTheFirstUnitLeadsMakesItTheLead() {
        List<ParsedItem> items = items("""
                试验市2024年重点工作分工方案
                一、经济发展
                1.推进园区建设,提升承载能力。(责任单位:市发改委(市粮食局)、市商务局、市自然资源局,列第一位者为牵头单位)
                2.优化营商环境。(责任单位:市政务服务中心、市市场监管局(排第一位的为牵头单位,下同))
                3.稳定粮食生产。(责任单位:市农业农村局、市水利局)
                """);
        assertUnits(items.get(0), List.of("市发改委(市粮食局)"), List.of("市商务局", "市自然资源局"), List.of());
        assertUnits(items.get(1), List.of("市政务服务中心"), List.of("市市场监管局"), List.of());
        assertThat(items.get(1).text()).isEqualTo("优化营商环境。");
        assertUnits(items.get(2), List.of("市农业农村局"), List.of("市水利局"), List.of()); // 下同
    }

    @Test
    void aHeadingWithOnlyANoteIsNoItem() {
        List<ParsedItem> items = items("""
                试验市2024年重点工作分工方案
                一、经济发展(列第一位者为牵头单位)
                1.推进园区建设。(责任单位:市发改委、市商务局,列第一位者为牵头单位)
                """);
        assertThat(items).singleElement().extracting(ParsedItem::text).isEqualTo("推进园区建设。");
    }

    @Test
    void aNoteAfterALabelledUnitLineIsApplied() {
        List<ParsedItem> items = items("""
                试验市2024年重点工作分工方案
                一、社会事业
                1. 办好民生实事。

                责任单位:市民政局、市总工会、市红十字会(列第一位者为牵头单位)
                """);
        assertUnits(items.get(0), List.of("市民政局"), List.of("市总工会", "市红十字会"), List.of());
    }

    @Test
    void everyUnitParentheticalOfAnItemIsKept() {
        List<ParsedItem> items = items("""
                试验县2024年政务公开工作要点
                (一)深化重点领域公开。做好财政预决算公开。(牵头单位:县财政局)做好重大项目公开。(牵头单位:县发改局;责任单位:县住建局)常态化推进。
                (二)加强平台建设。(责任单位:县政府办公室,县大数据中心配合)
                """);
        assertUnits(items.get(0), List.of("县财政局", "县发改局"), List.of("县住建局"), List.of());
        assertThat(items.get(0).text()).isEqualTo("深化重点领域公开。做好财政预决算公开。做好重大项目公开。");
        assertThat(items.get(0).deadline().raw()).as("the text after the last parenthetical").isEqualTo("常态化推进。");
        assertUnits(items.get(1), List.of(), List.of("县政府办公室"), List.of("县大数据中心"));
    }

    @Test
    void aPolicyPhraseOrAReferenceInAUnitColumnIsNoUnitAndIsSaid() {
        ParsedPlan plan = PlanParser.parse("""
                试验区2025年政务公开工作任务分工
                | 序号 | 公开内容 | 责任单位 | 更新时限 |
                | 1 | 部门预决算 | 区财政局、各街道办事处 | 及时更新 |
                | 2 | 建议提案办理结果 | 谁承办谁更新 | 及时更新 |
                | 3 | 民生实事进展 | 2025年区政府10件民生实事分工 | 每季度 |
                | 4 | 国有企业信息 | 区属各国有企业、区国资办等 | 每年 |
                """, null);
        assertThat(plan.items()).extracting(ParsedItem::responsibleUnits).containsExactly(
                List.of("区财政局", "各街道办事处"), List.of(), List.of(), List.of("区属各国有企业", "区国资办"));
        assertThat(plan.warnings()).contains("事项 2: “谁承办谁更新”不像单位名称, 未计入单位, 请核对",
                "事项 3: “2025年区政府10件民生实事分工”不像单位名称, 未计入单位, 请核对");
    }

    @Test
    void onImportTheDirectorysNamesAreUnitsHoweverTheyEnd() {
        byte[] plan = """
                试验区2025年政务公开工作要点
                1.做好重大活动宣传报道。(牵头单位:区融媒;责任单位:各街道办事处)年底前
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PlanParser.parse(plan, null).items().get(0).leadUnits()).as("no directory: no unit ending").isEmpty();
        ParsedItem known = PlanParser.parse(plan, null, java.util.Set.of("区融媒")).items().get(0);
        assertUnits(known, List.of("区融媒"), List.of("各街道办事处"), List.of());
    }
}
