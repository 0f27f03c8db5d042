package cn.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.duban.Codes;
import cn.duban.lookback.Check;

class WordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyCodeThePagesShowHasItsWordsInBothLanguages(String bundle) throws IOException {
        Properties words = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
            words.load(in);
        }
        List<String> missing = new ArrayList<>();
        Codes.LABELLED.forEach((prefix, codes) -> codes.stream().map(c -> prefix + "." + c)
                .filter(key -> words.getProperty(key, "").isBlank()).forEach(missing::add));
        assertThat(missing).as(bundle).isEmpty();
    }

    /** The audit log's page names every action the code records. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_en.properties"})
    void everyAuditedActionHasItsWords(String bundle) throws IOException {
        Properties words = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/" + bundle), StandardCharsets.UTF_8)) {
            words.load(in);
        }
        // the action: the first argument, a literal or a choice of literals (a ? "X" : "Y")
        java.util.regex.Pattern recorded = java.util.regex.Pattern.compile("audit\\.record\\(([^,]*\"[A-Z_]+\"[^,]*),");
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"([A-Z_]+)\"");
        java.util.Set<String> actions = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = recorded.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    java.util.regex.Matcher l = literal.matcher(m.group(1));
                    while (l.find()) {
                        actions.add(l.group(1));
                    }
                }
            }
        }
        assertThat(actions).as("audited actions found").hasSizeGreaterThan(10);
        assertThat(actions.stream().filter(a -> words.getProperty("audit." + a, "").isBlank()).toList()).as(bundle).isEmpty();
    }

    @Test
    void theServersChineseWordsAreThePagesWords() {
        assertThat(Words.chinese("remind", "OVERDUE")).isEqualTo("已逾期");
        assertThat(Check.label("COMPLETED_LATE")).isEqualTo("逾期办结");
        assertThat(Words.chinese("remind", "NO_SUCH_KIND")).as("an unknown code stays as it is").isEqualTo("NO_SUCH_KIND");
    }
}
