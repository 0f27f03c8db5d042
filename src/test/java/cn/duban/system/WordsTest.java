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

    @Test
    void theServersChineseWordsAreThePagesWords() {
        assertThat(Words.chinese("remind", "OVERDUE")).isEqualTo("已逾期");
        assertThat(Check.label("COMPLETED_LATE")).isEqualTo("逾期办结");
        assertThat(Words.chinese("remind", "NO_SUCH_KIND")).as("an unknown code stays as it is").isEqualTo("NO_SUCH_KIND");
    }
}
