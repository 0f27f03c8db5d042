package cn.duban.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * README's Configuration table mirrors {@link Settings}: every {@code duban.*} setting of the record has a row and
 * every row names a setting of the record, and the default a row gives is the one the record binds when nothing is
 * set. A default in parentheses, "(none)", stands for an empty value.
 */
class SettingsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void readmeListsEverySettingWithItsDefault() throws Exception {
        Map<String, String> readme = readmeDefaults();
        Map<String, Object> defaults = new LinkedHashMap<>();
        components("duban", Settings.class, bind(Map.of()), defaults);

        assertThat(readme.keySet()).as("the settings README's table lists").containsExactlyInAnyOrderElementsOf(defaults.keySet());
        for (Map.Entry<String, String> row : readme.entrySet()) {
            String name = row.getKey();
            Object expected = row.getValue() == null ? "" : value(bind(Map.of(name, row.getValue())), name);
            assertThat(defaults.get(name)).as("default of %s", name).isEqualTo(expected);
        }
    }

    @Test
    void kebabCaseNamesBindToTheComponents() {
        Settings set = bind(Map.of("duban.login.max-failures-per-address", "7", "duban.mail-connect-timeout-ms", "99"));
        assertThat(set.login().maxFailuresPerAddress()).isEqualTo(7);
        assertThat(set.mailConnectTimeoutMs()).isEqualTo(99);
        assertThat(set.login().maxFailures()).isEqualTo(bind(Map.of()).login().maxFailures());
    }

    private static Settings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("duban", Settings.class);
    }

    /** Every leaf component of the record by its property name, with its value in {@code settings}. */
    private static void components(String prefix, Class<?> type, Object settings, Map<String, Object> into) throws Exception {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            Object value = c.getAccessor().invoke(settings);
            if (c.getType().isRecord()) {
                components(name, c.getType(), value, into);
            } else {
                into.put(name, value);
            }
        }
    }

    private static Object value(Settings settings, String name) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        components("duban", Settings.class, settings, all);
        return all.get(name);
    }

    /** The {@code duban.*} rows of README's table: each property named with the default given (null: in parentheses). */
    private static Map<String, String> readmeDefaults() throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (!line.startsWith("| `duban.")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> names = codes(cells[1]);
            List<String> values = codes(cells[2]);
            if (values.isEmpty()) {
                assertThat(cells[2].strip()).as("default of %s", names).matches("\\(.+\\)");
                assertThat(names).as("a default in parentheses is given for one setting").hasSize(1);
                values = new ArrayList<>();
                values.add(null);
            }
            assertThat(values).as("defaults of %s", names).hasSameSizeAs(names);
            for (int i = 0; i < names.size(); i++) {
                assertThat(defaults.put(names.get(i), values.get(i))).as("%s listed once", names.get(i)).isNull();
            }
        }
        return defaults;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
