package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An item's title in task lists and messages: its first clause, at most 40 characters. */
class ItemTitleTest {

    @Test
    void theFirstClauseUpToAFullStopOrSemicolon() {
        assertThat(Item.titleOf("公开年度预算执行情况。按季度更新。")).isEqualTo("公开年度预算执行情况");
        assertThat(Item.titleOf("完善政策解读;做好回应关切")).isEqualTo("完善政策解读");
        assertThat(Item.titleOf("推进基层政务公开标准化")).isEqualTo("推进基层政务公开标准化");
        assertThat(Item.titleOf("。开头即句号")).isEmpty();
    }

    @Test
    void aLongClauseIsCutAtFortyCharacters() {
        String clause = "深".repeat(45);
        assertThat(Item.titleOf(clause + "。后文")).isEqualTo("深".repeat(40) + "…");
    }

    @Test
    void theTextsFirstCharactersGiveTheSameTitleAsTheWholeText() {
        // task lists read only the first TITLE_LENGTH + 1 characters from the database
        for (int length : new int[] {0, 39, 40, 41, 45}) {
            String text = "深".repeat(length) + "。后文" + "长".repeat(500);
            assertThat(Item.titleOf(text.substring(0, Item.TITLE_LENGTH + 1))).as("clause of %d", length).isEqualTo(Item.titleOf(text));
        }
    }
}
