package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The five published plans in DUBAN_CORPUS against the expected readings in src/test/resources/golden. The
 * golden files pin every item's number, path, units, deadline and requirements; the item text is pinned by its
 * length and a hash so that no seed text is copied here. Regenerate after a reviewed change with
 * {@code mvn test -Dtest=SeedGoldenTest -Dgolden.update=true}.
 */
class SeedGoldenTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"000, 32, ", "001, 35, ", "002, 34, ", "003, 98, ", "004, 25, 2018"})
    void seedReadsAsReviewed(String seed, int items, Integer year) throws IOException {
        ParsedPlan plan = PlanParser.parse(Files.readAllBytes(seed(seed)), year);
        assertThat(plan.items()).hasSize(items);
        ObjectNode actual = golden(plan);
        Path expectedFile = Path.of("src/test/resources/golden/seed-" + seed + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        assertThat(actual.get("plan")).isEqualTo(expected.get("plan"));
        for (int i = 0; i < items; i++) {
            assertThat(actual.get("items").get(i)).as("seed %s item %d", seed, i).isEqualTo(expected.get("items").get(i));
        }
        assertThat(actual.get("items")).hasSameSizeAs(expected.get("items"));
    }

    @Test
    void namedExamplesHold() throws IOException {
        ParsedPlan nanming = PlanParser.parse(Files.readAllBytes(seed("001")), null);
        ParsedPlan.ParsedItem item17 = nanming.items().get(16);
        assertThat(item17.number()).isEqualTo("17");
        assertThat(item17.deadline().due()).hasToString("2021-09-30");
        assertThat(item17.responsibleUnits()).containsExactly("区司法局", "区政府相关部门");
        assertThat(nanming.title()).contains("2021年政务公开工作要点");

        ParsedPlan shanwei = PlanParser.parse(Files.readAllBytes(seed("002")), null);
        assertThat(shanwei.items()).extracting(ParsedPlan.ParsedItem::number).contains("33").doesNotContain("333");
        ParsedPlan.ParsedItem item9 = shanwei.items().get(8);
        assertThat(item9.number()).isEqualTo("9");
        assertThat(item9.deadline().due()).hasToString("2024-12-31");
        assertThat(item9.deadline().raw()).isEqualTo("2025年前");

        ParsedPlan pipes = PlanParser.parse(Files.readAllBytes(seed("004")), 2019);
        ParsedPlan.ParsedItem item21 = pipes.items().get(20);
        assertThat(item21.number()).isEqualTo("21");
        assertThat(item21.deadline().due()).hasToString("2019-09-30");
        assertThat(item21.deadline().milestones()).extracting(Object::toString).as("the due date is no milestone of its own").containsExactly("2019-08-31");
        assertThat(item21.namedUnits()).containsExactly("市政务公开办", "贵池区", "市政府有关部门");
        assertThatThrownBy(() -> PlanParser.parse(Files.readAllBytes(seed("004")), null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("年份");
    }

    private static Path seed(String prefix) throws IOException {
        String corpus = System.getenv("DUBAN_CORPUS");
        assumeTrue(corpus != null && !corpus.isBlank(),
                "DUBAN_CORPUS is not set: the seed documents are not here, so the golden tests are skipped");
        try (Stream<Path> files = Files.list(Path.of(corpus))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix + "_")).findFirst()
                    .orElseThrow(() -> new IOException("no seed " + prefix + "_* in " + corpus));
        }
    }

    /** What the golden files pin: metadata, then per item everything but the text itself. */
    private static ObjectNode golden(ParsedPlan plan) {
        ObjectNode parsed = PlanJson.of(plan);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("plan");
        meta.put("titleLength", plan.title() == null ? 0 : plan.title().length());
        meta.set("organ", parsed.get("organ"));
        meta.set("docNumber", parsed.get("docNumber"));
        meta.set("year", parsed.get("year"));
        meta.set("issuedOn", parsed.get("issuedOn"));
        meta.put("warnings", plan.warnings().size());
        ArrayNode items = root.putArray("items");
        for (JsonNode item : parsed.get("items")) {
            ObjectNode i = items.addObject();
            i.set("number", item.get("number"));
            i.set("path", item.get("path"));
            String text = item.get("text").asText();
            i.put("textLength", text.length());
            i.put("textSha256", sha(text));
            i.set("leadUnits", item.get("leadUnits"));
            i.set("responsibleUnits", item.get("responsibleUnits"));
            i.set("cooperatingUnits", item.get("cooperatingUnits"));
            i.set("deadline", item.get("deadline"));
            i.set("requirements", item.get("requirements"));
        }
        return root;
    }

    private static String sha(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
