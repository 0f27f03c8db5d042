package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.duban.Seeds;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * The five published plans in DUBAN_CORPUS against their reviewed readings in src/test/resources/golden: one line
 * for the plan, one line per item with everything the parser found (path, units, deadline, milestones,
 * requirements), written to be read against the document. The item text is pinned by its length and a hash, so
 * that no seed text is copied into the project; each run writes the readings with their text to
 * target/golden-review/ for reading line by line beside the document. The lines starting with # are the
 * reviewer's notes and stay when the readings are rewritten after a reviewed change
 * ({@code mvn test -Dtest=SeedGoldenTest -Dgolden.update=true}; then read the diff).
 */
class SeedGoldenTest {

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"000, ", "001, ", "002, ", "003, ", "004, 2018"})
    void seedReadsAsReviewed(String seed, Integer year) throws IOException {
        ParsedPlan plan = PlanParser.parse(Files.readAllBytes(seed(seed)), year);
        List<String> actual = reading(plan);
        Path expectedFile = Path.of("src/test/resources/golden/seed-" + seed + ".txt");
        Path review = Path.of("target/golden-review/seed-" + seed + ".txt");
        Files.createDirectories(review.getParent());
        Files.write(review, withText(actual, plan));
        List<String> file = Files.exists(expectedFile) ? Files.readAllLines(expectedFile) : List.of();
        List<String> notes = file.stream().filter(l -> l.startsWith("#")).toList();
        if (Boolean.getBoolean("golden.update")) {
            Files.write(expectedFile, Stream.concat(notes.stream(), actual.stream()).toList());
            file = Files.readAllLines(expectedFile);
        }
        List<String> expected = file.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "(none)";
            String got = i < actual.size() ? actual.get(i) : "(none)";
            if (!want.equals(got)) {
                String text = i > 0 && i <= plan.items().size() ? "\n    text: " + plan.items().get(i - 1).text() : "";
                moved.add("  line " + (i + 1) + "\n    want: " + want + "\n    got:  " + got + text);
            }
        }
        assertThat(moved).as("seed %s moved from its reviewed reading (%s; beside the text in %s)", seed,
                expectedFile, review).isEmpty();
    }

    @Test
    void namedExamplesHold() throws IOException {
        ParsedPlan nanming = PlanParser.parse(Files.readAllBytes(seed("001")), null);
        ParsedItem item17 = nanming.items().get(16);
        assertThat(item17.number()).isEqualTo("17");
        assertThat(item17.deadline().due()).hasToString("2021-09-30");
        assertThat(item17.responsibleUnits()).containsExactly("区司法局", "区政府相关部门");
        assertThat(nanming.title()).contains("2021年政务公开工作要点");

        ParsedPlan shanwei = PlanParser.parse(Files.readAllBytes(seed("002")), null);
        assertThat(shanwei.items()).extracting(ParsedItem::number).contains("33").doesNotContain("333");
        ParsedItem item9 = shanwei.items().get(8);
        assertThat(item9.number()).isEqualTo("9");
        assertThat(item9.deadline().due()).hasToString("2024-12-31");
        assertThat(item9.deadline().raw()).isEqualTo("2025年前");

        ParsedPlan pipes = PlanParser.parse(Files.readAllBytes(seed("004")), 2018);
        ParsedItem item21 = pipes.items().get(20);
        assertThat(item21.number()).isEqualTo("21");
        assertThat(item21.deadline().due()).hasToString("2018-09-30");
        assertThat(item21.deadline().milestones()).extracting(Object::toString).as("the due date is no milestone of its own").containsExactly("2018-08-31");
        assertThat(item21.namedUnits()).containsExactly("市政务公开办", "贵池区", "市政府有关部门");
        assertThatThrownBy(() -> PlanParser.parse(Files.readAllBytes(seed("004")), null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("年份");
    }

    private static Path seed(String prefix) {
        return Seeds.seed(prefix);
    }

    /** The plan's line, then a line per item. */
    static List<String> reading(ParsedPlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(" | ", "计划", "标题 " + length(plan.title()), "机关 " + orNone(plan.organ()),
                "文号 " + orNone(plan.docNumber()), "年份 " + plan.year(), "印发 " + orNone(plan.issuedOn()),
                "警告 " + plan.warnings().size()));
        for (ParsedItem item : plan.items()) {
            List<String> fields = new ArrayList<>();
            String path = String.join("/", item.path());
            fields.add(item.path().isEmpty() || item.path().get(item.path().size() - 1).equals(item.number())
                    ? path : path + " (编号 " + item.number() + ")");
            fields.add("牵头 " + units(item.leadUnits()));
            fields.add("责任 " + units(item.responsibleUnits()));
            fields.add("配合 " + units(item.cooperatingUnits()));
            Deadline d = item.deadline();
            fields.add("时限 " + d.kind() + (d.due() == null ? "" : " " + d.due())
                    + (d.frequency() == null ? "" : " " + d.frequency().phrase())
                    + (d.raw() == null ? "" : " «" + d.raw() + "»")
                    + (d.milestones().isEmpty() ? "" : " 节点 " + d.milestones().stream().map(Object::toString)
                            .collect(Collectors.joining(","))));
            if (!item.requirements().isEmpty()) {
                fields.add("要求 " + Requirement.format(item.requirements()));
            }
            fields.add("文字 " + length(item.text()) + " #" + sha(item.text()));
            lines.add(String.join(" | ", fields));
        }
        return lines;
    }

    /** The reading with each item's text under its line: for the reviewer, never stored in the project. */
    private static List<String> withText(List<String> reading, ParsedPlan plan) {
        List<String> out = new ArrayList<>(List.of("标题: " + orNone(plan.title()), reading.get(0)));
        for (int i = 0; i < plan.items().size(); i++) {
            out.add(reading.get(i + 1));
            out.add("    " + plan.items().get(i).text());
        }
        plan.warnings().forEach(w -> out.add("警告: " + w));
        return out;
    }

    private static String units(List<String> units) {
        // names may hold 、 themselves (各乡、街道办事处): a list is joined with " / "
        return units.isEmpty() ? "—" : String.join(" / ", units);
    }

    private static String orNone(Object value) {
        return value == null ? "—" : value.toString();
    }

    private static String length(String text) {
        return text == null ? "—" : text.length() + "字";
    }

    private static String sha(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
