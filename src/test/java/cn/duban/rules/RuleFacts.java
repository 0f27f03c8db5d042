package cn.duban.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cn.duban.rules.Colour.Shade;

/** Facts built by hand, and one rule file compiled alone, for the tests of each rule file. */
final class RuleFacts {

    static final LocalDate DUE = LocalDate.of(2026, 9, 30);

    private RuleFacts() {}

    /** Only this rule file compiled, so a test sees that file's rules alone. */
    static RuleBase only(String file, Path dir) throws IOException {
        Files.copy(Path.of("rules", file), dir.resolve(file));
        return new RuleBase(dir.toString());
    }

    static Work work(int left, int overdue, int elapsed, int percent, int returns) {
        return new Work(7, "7", "jia", DUE, false, left, overdue, elapsed, percent, returns, 0);
    }

    static List<String> reminders(RuleBase rules, Object... facts) {
        return rules.evaluate(List.of(facts)).reminders().stream().map(Remind::kind).sorted().toList();
    }

    static List<String> escalations(RuleBase rules, Object... facts) {
        return rules.evaluate(List.of(facts)).escalations().stream().map(e -> e.level() + ":" + e.reason()).sorted().toList();
    }

    static List<Shade> colours(RuleBase rules, Object... facts) {
        return rules.evaluate(List.of(facts)).colours().stream().map(Colour::shade).sorted().toList();
    }
}
