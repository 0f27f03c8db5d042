package cn.duban.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.plan.parse.PdfAndDocTest;

/** {@code java -jar duban.jar parse …}: output and exit codes. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void jsonHasExactlyTheDocumentedFields() throws IOException {
        Path plan = write("plan.txt", """
                某区2025年政务公开工作要点
                一、公开
                1.公开预算,每年至少公开1次。(牵头单位:区财政局;责任单位:区审计局)6月底前
                """);
        Run run = run("parse", plan.toString(), "--json");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(names(json)).containsExactly("title", "organ", "docNumber", "year", "issuedOn", "items", "warnings");
        JsonNode item = json.get("items").get(0);
        assertThat(names(item)).containsExactly("number", "path", "text", "leadUnits", "responsibleUnits",
                "cooperatingUnits", "deadline", "requirements", "confidence");
        assertThat(names(item.get("deadline"))).containsExactly("raw", "kind", "due", "frequency");
        assertThat(item.get("deadline").get("due").asText()).isEqualTo("2025-06-30");
        assertThat(item.get("path").toString()).isEqualTo("[\"一\",\"1\"]");
        assertThat(item.get("requirements").toString()).isEqualTo("[{\"count\":1,\"per\":\"YEAR\"}]");
        assertThat(item.get("confidence").toString()).isEqualTo("{\"level\":\"HIGH\",\"reasons\":[]}");
    }

    @Test
    void withoutJsonATableIsPrinted() throws IOException {
        Path plan = write("plan.txt", "某局2025年工作要点\n1.公开年度工作信息。(责任科室:办公室)年底前\n2.公开本局预算\n");
        Run run = run("parse", plan.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("2 项", "办公室", "YEAR_END 2025-12-31", "公开年度工作信息", "请先核对 (1):",
                "2 低: 未识别到牵头或责任单位; 未识别到完成时限 (本计划多数事项有时限)");
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        List<Run> runs = new ArrayList<>();
        runs.add(run("parse", dir.resolve("missing.txt").toString()));
        runs.add(run("parse", Files.write(dir.resolve("empty.txt"), new byte[0]).toString()));
        runs.add(run("parse", Files.write(dir.resolve("bin.dat"), new byte[] {0, 1, 2, 3, 0, 5}).toString()));
        runs.add(run("parse", write("noyear.txt", "1.公开信息。(责任单位:甲局)\n").toString()));
        runs.add(run("parse", write("x.txt", "1.公开。(责任单位:甲局)\n").toString(), "--year", "abc"));
        runs.add(run("parse", write("prose.txt", "某局2025年工作总结\n全年公开信息百余条。\n").toString(), "--json"));
        for (Run r : runs) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
            assertThat(r.out()).isEmpty();
        }
        assertThat(runs.get(0).err()).contains("文件不存在");
        assertThat(runs.get(3).err()).contains("年份").contains("--year");
        assertThat(runs.get(5).err()).contains("未识别到任何事项: 识别到 2 行文字");
        Run withYear = run("parse", dir.resolve("noyear.txt").toString(), "--year", "2025", "--json");
        assertThat(withYear.exit()).isZero();
    }

    @Test
    void aPdfPlanIsParsed() throws IOException {
        Path pdf = Files.write(dir.resolve("plan.pdf"), PdfAndDocTest.pdf(PdfAndDocTest.HEADER, PdfAndDocTest.PLAN, 7));
        Run run = run("parse", pdf.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 项", "市财政局", "DATE 2025-06-30", "市大数据局").doesNotContain("人民政府办公室文件");
    }

    @Test
    void aWordDocumentIsParsedAndDamagedOrLockedFilesExitWithTwoAndOneLine() throws IOException {
        byte[] doc = PdfAndDocTest.resource("/parse/plan.doc");
        Run parsed = run("parse", Files.write(dir.resolve("plan.doc"), doc).toString(), "--json");
        assertThat(parsed.exit()).as(parsed.err()).isZero();
        assertThat(new ObjectMapper().readTree(parsed.out()).get("items")).hasSize(4);

        byte[] broken = doc.clone();
        java.util.Arrays.fill(broken, 512, broken.length, (byte) 0x41);
        List<Run> runs = List.of(
                run("parse", Files.write(dir.resolve("broken.doc"), broken).toString()),
                run("parse", Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n垃圾\n".getBytes(StandardCharsets.UTF_8)).toString()),
                run("parse", Files.write(dir.resolve("locked.pdf"), PdfAndDocTest.encrypted(PdfAndDocTest.blankPdf())).toString()));
        for (Run r : runs) {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
        }
        assertThat(runs.get(0).err()).contains("旧版 Word/Excel 文件已损坏");
        assertThat(runs.get(1).err()).contains("PDF 文件已损坏");
        assertThat(runs.get(2).err()).contains("PDF 文件已加密");
    }

    @Test
    void simulatePrintsOneJsonObjectPerLine() throws IOException {
        Path plan = write("plan.txt", """
                某区2026年政务公开工作要点
                2026年6月1日
                一、公开
                1.公开预算。(责任单位:区财政局)9月底前
                """);
        Run none = run("simulate", plan.toString(), "--completion", "none");
        assertThat(none.exit()).as(none.err()).isZero();
        List<String> lines = none.out().lines().toList();
        assertThat(lines).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(names(json.readTree(line))).containsExactly("date", "itemNumber", "path", "unit", "action", "kind", "level", "reason");
        }
        assertThat(none.out()).contains("\"action\":\"ESCALATE\"", "\"kind\":\"DUE_TODAY\"", "\"date\":\"2026-09-30\"");
        // the year ends with the unit's score (考评), line by line
        JsonNode never = json.readTree(lines.get(lines.size() - 1));
        assertThat(names(never)).containsExactly("date", "unit", "action", "rank", "score", "lines");
        assertThat(never.get("action").asText()).isEqualTo("SCORE");
        assertThat(never.get("unit").asText()).isEqualTo("区财政局");
        assertThat(never.get("lines").findValuesAsText("cause")).containsExactly("BASE", "OVERDUE_DAY", "ESCALATION");
        Run ontime = run("simulate", plan.toString(), "--completion", "ontime");
        assertThat(ontime.out()).doesNotContain("ESCALATE");
        List<String> ontimeLines = ontime.out().lines().toList();
        JsonNode onTime = json.readTree(ontimeLines.get(ontimeLines.size() - 1));
        assertThat(onTime.get("lines").findValuesAsText("cause")).containsExactly("BASE", "ON_TIME");
        assertThat(onTime.get("score").asInt()).isGreaterThan(never.get("score").asInt());
        assertThat(ontime.err()).contains("1 个单位得分");
        Run bad = run("simulate", plan.toString(), "--completion", "sometimes");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--completion");
    }

    @Test
    void lookbackPrintsMatchesAndChecks() throws IOException {
        String fixtures = "src/test/resources/lookback/";
        Run run = run("lookback", fixtures + "2025.txt", fixtures + "2026.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(names(json)).containsExactly("matches", "unmatchedPrior", "unmatchedCurrent", "checks");
        assertThat(names(json.get("matches").get(0))).containsExactly("prior", "current", "score");
        assertThat(names(json.get("checks").get(0))).containsExactly("prior", "unit", "finding", "reason");
        Path bad = write("outcomes.csv", "number,status\n1,MAYBE\n");
        Run refused = run("lookback", fixtures + "2025.txt", fixtures + "2026.txt", "--prior-outcomes", bad.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("结果文件有误");
    }

    @Test
    void anUnknownCommandExitsWithTwoAndTheCommandsAndHelpIsInChinese() {
        Run unknown = run("pares", "plan.txt");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("未知命令 pares", "parse, simulate, lookback, help");
        assertThat(Cli.handles("pares")).as("a word is a command, known or not: it never starts the server").isTrue();
        assertThat(Cli.handles("--server.port=8081")).isFalse();

        Run help = run("help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("用法 (usage): java -jar duban.jar", "命令 (commands):", "parse", "lookback")
                .doesNotContain("Usage:", "Show this help");
        Run parseHelp = run("help", "parse");
        assertThat(parseHelp.out()).contains("用法 (usage): java -jar duban.jar parse", "--year=YYYY", "显示本帮助");
        Run badOption = run("parse", "--colour");
        assertThat(badOption.err()).contains("用法见 java -jar duban.jar parse --help")
                .doesNotContain("duban.jar java -jar");
    }

    @Test
    void lookbackTakesTheYearForPlansThatStateNone() throws IOException {
        Path prior = write("prior.txt", "1.公开预算。(责任单位:区财政局)9月底前\n2.公开决算。(责任单位:区审计局)年底前\n");
        Path current = write("current.txt", "1.公开预算。(责任单位:区财政局)9月底前\n");
        Run without = run("lookback", prior.toString(), current.toString());
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains("--year");
        Run with = run("lookback", prior.toString(), current.toString(), "--year", "2026");
        assertThat(with.exit()).as(with.err()).isZero();
        assertThat(with.out()).contains("\"matches\"");
    }

    @Test
    void simulateTellsItemsApartByPathAndReportsProgress() throws IOException {
        Path plan = write("plan.txt", """
                某区2026年政务公开工作要点
                2026年6月1日
                一、公开
                1.公开预算。(责任单位:区财政局)9月底前
                二、解读
                1.解读政策。(责任单位:区司法局)10月底前
                """);
        Run run = run("simulate", plan.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"path\":\"一/1\"", "\"path\":\"二/1\"");
        assertThat(run.err()).contains("模拟 2026 年 2 个事项", "完成: ");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
