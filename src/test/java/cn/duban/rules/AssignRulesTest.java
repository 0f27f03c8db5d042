package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules/assign.drl as shipped, and rule files read from the folder at start-up. */
class AssignRulesTest {

    private final RuleBase rules = new RuleBase("rules");

    @Test
    void knownUnitsAndADeadlineNeedNoConfirmation() {
        AssignCheck check = rules.decideAssign(new AssignCheck(2, List.of(), true));
        assertThat(check.isNeeded()).isFalse();
    }

    @Test
    void eachGapIsAReason() {
        assertThat(rules.decideAssign(new AssignCheck(0, List.of(), true)).getReasons())
                .containsExactly("未指定牵头或责任单位");
        assertThat(rules.decideAssign(new AssignCheck(1, List.of("某某局"), true)).getReasons())
                .containsExactly("单位未能识别: 某某局");
        assertThat(rules.decideAssign(new AssignCheck(1, List.of(), false)).getReasons())
                .containsExactly("未识别完成时限");
        assertThat(rules.decideAssign(new AssignCheck(0, List.of("甲", "乙"), false)).getReasons()).hasSize(3);
    }

    @Test
    void anEditedRuleFileTakesEffectOnTheNextStart(@TempDir Path dir) throws IOException {
        String shipped = Files.readString(Path.of("rules/assign.drl"));
        Files.writeString(dir.resolve("assign.drl"), shipped.replace("rule \"No usable deadline\"", """
                rule "Office confirms every item"
                when
                    $c : AssignCheck()
                then
                    $c.require("本年度所有事项均由公开办确认");
                end

                rule "No usable deadline\""""));
        RuleBase edited = new RuleBase(dir.toString());
        assertThat(edited.decideAssign(new AssignCheck(2, List.of(), true)).getReasons())
                .containsExactly("本年度所有事项均由公开办确认");
    }

    @Test
    void aBrokenRuleFileStopsTheStartWithTheCompilerMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), "package x; rule \"r\" when Nonsense( then end");
        assertThatThrownBy(() -> new RuleBase(dir.toString()))
                .isInstanceOf(RuleBase.CompileException.class)
                .hasMessageContaining("规则文件有错误");
    }
}
