package cn.duban.rules;

import static cn.duban.rules.RuleFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules as compiled at the last start (duban.rules-cache-dir): loaded when nothing changed, compiled otherwise. */
class RuleBaseCacheTest {

    @TempDir
    Path dir;

    private Path rules;
    private Path cache;

    @BeforeEach
    void copyOfRules() throws Exception {
        rules = Files.createDirectories(dir.resolve("rules"));
        cache = dir.resolve("cache");
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aStartWithTheSameFilesAndBuildLoadsTheRulesCompiledBeforeAndTheyDecideAlike() throws Exception {
        RuleBase first = start(rules, cache, "build-1");
        Path kept = onlyFile(cache);
        Object identity = Files.readAttributes(kept, BasicFileAttributes.class).fileKey();

        RuleBase second = start(rules, cache, "build-1");
        assertThat(onlyFile(cache)).as("the same file").isEqualTo(kept);
        assertThat(Files.readAttributes(kept, BasicFileAttributes.class).fileKey()).as("loaded, not written again")
                .isEqualTo(identity);
        assertThat(second.files()).isEqualTo(first.files());
        for (Work w : List.of(work(0, 1, 100, 0, 0), work(20, 0, 60, 10, 0), work(3, 0, 90, 50, 2))) {
            assertThat(reminders(second, w)).isEqualTo(reminders(first, w));
            assertThat(escalations(second, w)).isEqualTo(escalations(first, w));
            assertThat(colours(second, w)).isEqualTo(colours(first, w));
        }
        assertThat(reminders(second, work(0, 1, 100, 0, 0))).contains("OVERDUE");
    }

    @Test
    void anEditedRuleFileOrAnotherBuildCompilesAfreshAndKeepsOnlyTheNewRules() throws Exception {
        start(rules, cache, "build-1");
        Path before = onlyFile(cache);

        start(rules, cache, "build-2");
        Path rebuilt = onlyFile(cache);
        assertThat(rebuilt).as("another build of duban").isNotEqualTo(before);

        // the overdue reminder edited away: the rules loaded must be the edited ones, not those kept
        Path reminders = rules.resolve("reminders.drl");
        String text = Files.readString(reminders, StandardCharsets.UTF_8);
        Files.writeString(reminders, text.replace("\"OVERDUE\"", "\"OVERDUE_EDITED\""), StandardCharsets.UTF_8);
        RuleBase edited = start(rules, cache, "build-2");
        assertThat(onlyFile(cache)).isNotEqualTo(rebuilt);
        assertThat(reminders(edited, work(0, 1, 100, 0, 0))).contains("OVERDUE_EDITED").doesNotContain("OVERDUE");
    }

    @Test
    void aDamagedFileIsCompiledAgainAndReplaced() throws Exception {
        start(rules, cache, "build-1");
        Path kept = onlyFile(cache);
        Files.write(kept, "not a jar".getBytes(StandardCharsets.UTF_8));

        RuleBase again = start(rules, cache, "build-1");
        assertThat(reminders(again, work(0, 1, 100, 0, 0))).contains("OVERDUE");
        assertThat(Files.size(onlyFile(cache))).as("a compiled module in its place").isGreaterThan(1000);
    }

    private static RuleBase start(Path rules, Path cache, String build) {
        RuleBase started = RuleBase.compiledInBackground(rules.toString(), new CompiledRules(cache, build));
        started.afterSingletonsInstantiated();
        return started;
    }

    private static Path onlyFile(Path cache) throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
