package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.rules.RuleBase.Problem;
import cn.duban.system.Folders.FileText;

/**
 * A rule file that does not compile is answered with each problem's file, line, column and the compiler's message:
 * not the Java that Drools generates from a rule, nor its class names.
 */
class CompilerMessagesTest {

    private static final String HEADER = "package rules;\nimport cn.duban.rules.Work;\nimport cn.duban.rules.Remind;\n";

    @Test
    void aSyntaxErrorIsPlacedByLineAndColumn() {
        List<Problem> problems = problems("broken.drl", "package rules; rule \"r\" when Nonsense( then end");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("broken.drl");
        assertThat(problems.get(0).line()).isEqualTo(1);
        assertThat(problems.get(0).column()).isEqualTo(45);
        assertThat(problems.get(0).message()).contains("mismatched input 'end'").doesNotContain("Line 1:40");
    }

    @Test
    void anUnknownFieldIsFoundInItsFile() {
        Problem problem = problems("broken.drl", HEADER + "rule \"r\" when\n  $w : Work( nosuchfield > 3 )\nthen end").get(0);
        assertThat(problem).isEqualTo(new Problem("broken.drl", 5, 14, "Unable to parse left part of expression: nosuchfield > 3"));
    }

    @Test
    void anErrorInARulesActionsIsPutBackInTheRuleFileWithoutTheGeneratedJava() {
        RuleBase.CompileException e = refused("broken.drl", HEADER + "rule \"r\" when\n  $w : Work( )\nthen\n    int x = \"a\";\n"
                + "    insert(new Remind($w, 3, 4));\nend");
        assertThat(e.problems()).containsExactly(
                new Problem("broken.drl", 7, 5, "Type mismatch: cannot convert from String to int"),
                new Problem("broken.drl", 8, 5, "The constructor Remind(Work, int, int) is undefined"));
        assertThat(e.getMessage()).startsWith("规则文件有错误: broken.drl 第7行第5列: Type mismatch")
                .doesNotContain("Java source", "LambdaConsequence", "execute()", "src/main/java", "\n");
    }

    @Test
    void anUnknownMethodNamesTheRuleNotItsGeneratedClass() {
        Problem problem = problems("broken.drl", HEADER + "rule \"r\" when\nthen\n    foo();\nend").get(0);
        assertThat(problem).isEqualTo(new Problem("broken.drl", 6, 5, "The method foo() is undefined for the type 规则"));
    }

    @Test
    void aDecisionTableItCannotReadIsPlacedAtItsCell() {
        Problem problem = problems("t.drl.csv", "RuleSet,rules\n\nRuleTable T\nCONDITION,ACTION\nWork(foo>$param),x($param)\nd,d\n1,2\n").get(0);
        assertThat(problem.file()).isEqualTo("t.drl.csv");
        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.toString()).startsWith("t.drl.csv 第5行第1列: ");
    }

    private static List<Problem> problems(String name, String text) {
        return refused(name, text).problems();
    }

    private static RuleBase.CompileException refused(String name, String text) {
        return catchThrowableOfType(RuleBase.CompileException.class,
                () -> RuleBase.build(List.of(new FileText(name, text.getBytes(StandardCharsets.UTF_8)))));
    }
}
