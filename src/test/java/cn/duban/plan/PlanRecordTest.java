package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.Deadline;

/** What the preview shows of a plan: warnings grouped by kind, chapter headings apart from the items' text. */
class PlanRecordTest {

    private static PlanRecord plan(List<String> warnings, Map<String, String> chapters) {
        return new PlanRecord(1, "计划", null, null, 2030, null, "p.txt", PlanRecord.Status.IMPORTED, "admin", Instant.now(),
                0, warnings, chapters);
    }

    private static Item item(List<String> path, String text) {
        return new Item(1, 1, 0, path.get(path.size() - 1), path, text, Deadline.none(), List.of(), Item.Status.DRAFT, 0, 0,
                null, false, null, null, List.of(), List.of(), List.of());
    }

    @Test
    void warningsAreGroupedByKindWithTheItemAndNumbersLeftOut() {
        PlanRecord plan = plan(List.of("事项 一/1: 未识别到完成时限", "编号 333 疑为 33 的笔误, 已按 33 处理",
                "事项 一/2: 单位未能识别: 县教育局", "事项 二/(三)/4: 未识别到完成时限", "事项 二/5: 单位未能识别: 区档案馆"), Map.of());
        assertThat(plan.warningGroups()).containsExactly(
                Map.entry("未识别到完成时限", List.of("事项 一/1: 未识别到完成时限", "事项 二/(三)/4: 未识别到完成时限")),
                Map.entry("编号 N 疑为 N 的笔误, 已按 N 处理", List.of("编号 333 疑为 33 的笔误, 已按 33 处理")),
                Map.entry("单位未能识别", List.of("事项 一/2: 单位未能识别: 县教育局", "事项 二/5: 单位未能识别: 区档案馆")));
    }

    @Test
    void aChapterHeadingGluedOntoItsItemIsShownApart() {
        PlanRecord plan = plan(List.of(), Map.of("一", "紧扣发展主线,推进主动公开", "二", "加强解读"));
        assertThat(plan.textUnderHeading(item(List.of("一"), "紧扣发展主线,推进主动公开集中公开重大部署。")))
                .isEqualTo("集中公开重大部署。");
        assertThat(plan.textUnderHeading(item(List.of("二", "1"), "做好政策解读。"))).isEqualTo("做好政策解读。");
        assertThat(plan.textUnderHeading(item(List.of("二"), "加强解读"))).as("nothing but the heading: kept").isEqualTo("加强解读");
    }
}
