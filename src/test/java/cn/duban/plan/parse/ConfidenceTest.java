package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.Confidence.Level;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/** Each item's confidence and the reasons it is lowered, from the item as read and the plan around it. */
class ConfidenceTest {

    private static final Deadline JUNE = new Deadline(Deadline.Kind.DATE, LocalDate.of(2025, 6, 30), null, "6月底前", List.of());

    private static ParsedItem item(String text, List<String> responsible, Deadline deadline) {
        return new ParsedItem("1", List.of("1"), text, List.of(), responsible, List.of(), deadline, List.of());
    }

    private static final ParsedItem GOOD = item("及时公开年度预算和决算情况。", List.of("县财政局"), JUNE);

    @Test
    void aTaskWithUnitsAndDeadlineIsTrusted() {
        assertThat(Confidence.of(List.of(GOOD, GOOD))).containsOnly(new Confidence(Level.HIGH, List.of()));
    }

    @Test
    void noUnitsATooShortTextOrAHeadingMakeAnItemLow() {
        List<Confidence> c = Confidence.of(List.of(GOOD,
                item("做好惠民补贴信息公开。", List.of(), JUNE),
                item("公开预算。", List.of("县财政局"), JUNE),
                item("(二)加强政策解读回应", List.of("县政府办"), JUNE),
                item("各单位应做到以下几点:", List.of("县政府办"), JUNE)));
        assertThat(c).extracting(Confidence::level).containsExactly(Level.HIGH, Level.LOW, Level.LOW, Level.LOW, Level.LOW);
        assertThat(c.get(1).reasons()).containsExactly("未识别到牵头或责任单位");
        assertThat(c.get(2).reasons()).containsExactly("事项内容过短");
        assertThat(c.get(3).reasons()).containsExactly("事项内容像标题");
        assertThat(c.get(4).reasons()).containsExactly("事项内容像标题");
    }

    @Test
    void oneDoubtMakesAnItemMediumAndTwoMakeItLow() {
        ParsedItem notAUnit = item("及时更新政务公开专栏内容。", List.of("谁发布谁负责"), JUNE);
        ParsedItem undated = item("做好惠民补贴信息公开。", List.of("县民政局"), Deadline.none());
        ParsedItem both = item("做好就业创业信息公开。", List.of("按职责分工落实"), Deadline.none());
        ParsedItem longText = item("推动村务公开栏定期更新维护并留存记录。".repeat(30), List.of("县政务服务中心"), JUNE);
        List<Confidence> c = Confidence.of(List.of(GOOD, GOOD, GOOD, notAUnit, undated, both, longText));
        assertThat(c.subList(3, 7)).extracting(Confidence::level).containsExactly(Level.MEDIUM, Level.MEDIUM, Level.LOW, Level.MEDIUM);
        assertThat(c.get(3).reasons()).containsExactly("“谁发布谁负责”不像单位名称");
        assertThat(c.get(4).reasons()).containsExactly("未识别到完成时限 (本计划多数事项有时限)");
        assertThat(c.get(5).reasons()).hasSize(2);
        assertThat(c.get(6).reasons()).containsExactly("事项内容过长, 可能连着下一项或其他文字");
    }

    @Test
    void noDeadlineIsNoDoubtWhereThePlanGivesNone() {
        ParsedItem undated = item("做好惠民补贴信息公开。", List.of("县民政局"), Deadline.none());
        assertThat(Confidence.of(List.of(undated, undated, undated))).extracting(Confidence::level).containsOnly(Level.HIGH);
    }

    @Test
    void theParsedPlansJsonGivesEachItemItsConfidence() {
        ParsedPlan plan = PlanParser.parse("""
                某县2025年政务公开工作要点
                1.公开年度预算和决算。(责任单位:县财政局)年底前
                2.做好惠民补贴信息公开。(责任单位:县民政局)6月底前
                3.开展政务公开业务培训
                """, null);
        var items = PlanJson.of(plan).get("items");
        assertThat(items.get(0).get("confidence").toString()).isEqualTo("{\"level\":\"HIGH\",\"reasons\":[]}");
        assertThat(items.get(2).get("confidence").get("level").asText()).isEqualTo("LOW");
        assertThat(items.get(2).get("confidence").get("reasons").toString())
                .isEqualTo("[\"未识别到牵头或责任单位\",\"未识别到完成时限 (本计划多数事项有时限)\"]");
    }
}
