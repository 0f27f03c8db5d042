package cn.duban.rules;

import static cn.duban.rules.RuleFacts.reminders;
import static cn.duban.rules.RuleFacts.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.system.Folders;

/**
 * Who may run code: .drl files and reloading are for the operator (ops); the office (admin) changes only the values
 * of a decision table in force, each cell a value of its column's type, through the API and the rules page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DecisionTableUploadTest {

    private static final String TABLE = "/api/admin/rules/thresholds.drl.csv";
    private static final String NEVER = """
            package rules;
            import cn.duban.rules.Work;
            // a rule that never fires: only checks who may upload a .drl file
            rule "never for operators" when Work( itemNumber == "no such item" ) then end
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    RuleBase rules;

    @Autowired
    UserDetailsService users;

    Api api;
    String inForce;

    @BeforeEach
    void readTheTable() {
        api = new Api(mvc);
        inForce = api.get("admin", TABLE).raw();
        assertThat(inForce).contains("5,DUE_SOON", "3,\"2,逾期未报送\"");
    }

    /** The other tests of this context see the shipped thresholds again. */
    @AfterEach
    void restoreTheTable() {
        assertThat(put("ops", TABLE, inForce).status()).isEqualTo(200);
    }

    private Response put(String user, String path, String body) {
        return api.call(user, MockMvcRequestBuilders.put(path).contentType(MediaType.TEXT_PLAIN).content(body));
    }

    private String edited(String line, String replacement) {
        assertThat(inForce).contains(line + "\n");
        return inForce.replace(line + "\n", replacement + "\n");
    }

    @Test
    void onlyTheOperatorUploadsDrlFilesAndReloads() {
        Response byAdmin = put("admin", "/api/admin/rules/operator-only.drl", NEVER);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.body().get("error").asText()).isNotBlank();
        assertThat(rules.files()).doesNotContain("operator-only.drl");
        assertThat(put("admin", "/api/admin/rules/reminders.drl", api.get("admin", "/api/admin/rules/reminders.drl").raw()).status())
                .isEqualTo(403);
        assertThat(api.post("admin", "/api/admin/rules/reload", "").status()).isEqualTo(403);

        Response byOperator = put("ops", "/api/admin/rules/operator-only.drl", NEVER);
        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(rules.files()).contains("operator-only.drl");
        assertThat(api.post("ops", "/api/admin/rules/reload", "").status()).isEqualTo(200);
        assertThat(api.get("ops", "/api/admin/rules").status()).isEqualTo(200);
        assertThat(api.get("ops", "/api/admin/rules/operator-only.drl").raw()).contains("never for operators");
    }

    @Test
    void theOfficeChangesAndAddsThresholdsAndTheyAreInForce() {
        assertThat(reminders(rules, work(4, 0, 80, 80, 0))).isEmpty();
        // as a spreadsheet program may save it: other line ends, empty cells and lines at the end
        String values = edited("5,DUE_SOON", "4,DUE_SOON,,\r\n8,DUE_SOON").replace("1,\"1,逾期未报送\"", "2,\"1,逾期未报送\"") + ",,\n\n";
        Response accepted = put("admin", TABLE, values);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(reminders(rules, work(4, 0, 80, 80, 0))).containsExactly("DUE_SOON");
        assertThat(reminders(rules, work(8, 0, 80, 80, 0))).containsExactly("DUE_SOON");
        assertThat(reminders(rules, work(5, 0, 80, 80, 0))).isEmpty();
        assertThat(api.get("admin", TABLE).raw()).isEqualTo(values);
    }

    @Test
    void aTableSavedAsCsvUtf8WithAByteOrderMarkIsTakenAsItsText() {
        String values = edited("5,DUE_SOON", "6,DUE_SOON");
        Response accepted = put("admin", TABLE, "\uFEFF" + values);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(reminders(rules, work(6, 0, 80, 80, 0))).containsExactly("DUE_SOON");
        assertThat(api.get("admin", TABLE).raw()).as("stored without the mark").isEqualTo(values);
    }

    @Test
    void aCellThatIsNotAValueOfItsColumnIsRefusedByRowAndColumn() {
        assertRefused(edited("5,DUE_SOON", "\"1); System.exit(0); //\",DUE_SOON"), "第 10 行第 A 列", "不是整数");
        assertRefused(edited("5,DUE_SOON", "5,\"\"\"x\"\"\""), "第 10 行第 B 列", "不是提醒类型");
        assertRefused(edited("1,DUE_TOMORROW", "1,NOT_A_KIND"), "第 11 行第 B 列", "不是提醒类型");
        assertRefused(edited("3,\"2,逾期未报送\"", "3,\"4,逾期未报送\""), "第 20 行第 B 列", "不是升级级别");
        assertRefused(edited("3,\"2,逾期未报送\"", "3,\"2,逾期\"\"); System.exit(0); //\""), "第 20 行第 B 列", "不是文字");
        assertRefused(edited("3,\"2,逾期未报送\"", "3,2"), "第 20 行第 B 列", "应为 2 个以逗号分隔的值");
        assertRefused(edited("5,DUE_SOON", "5,DUE_SOON,x"), "第 10 行第 C 列", "不属于规则表");
        assertRefused(edited("5,DUE_SOON", "5,"), "第 10 行第 B 列", "须填写");
        assertThat(reminders(rules, work(5, 0, 80, 80, 0))).as("the table in force is kept").containsExactly("DUE_SOON");
    }

    @Test
    void theOfficeCannotChangeTheHeaderCodeOrAddFilesButTheOperatorCan() {
        String code = edited("\"workingDaysLeft == $param, overdueWorkingDays == 0\",\"insert(new Remind($w, \"\"$param\"\"));\"",
                "\"workingDaysLeft <= $param, overdueWorkingDays == 0\",\"insert(new Remind($w, \"\"$param\"\"));\"");
        assertRefused(code, "第 8 行第 A 列", "表头、代码行须与生效的决策表一致");
        assertRefused(inForce.replace("Import,\"cn.duban.rules.Work,", "Import,\"java.lang.System, cn.duban.rules.Work,"),
                "第 2 行第 B 列", "表头、代码行");
        assertRefused(inForce + ",\nFunctions,\"function void f() { System.exit(0); }\"\n", "第 " + (lines(inForce) + 1) + " 行",
                "表头、代码行");
        assertRefused(edited("1,DUE_TOMORROW", "1,DUE_TOMORROW\n,\nRuleTable 新表 New table,"), "第 13 行第 A 列", "表头、代码行");
        assertRefused(inForce.substring(0, inForce.indexOf(",\nRuleTable 红色")), "第 " + (lines(inForce) - 6) + " 行", "缺少");
        Response added = put("admin", "/api/admin/rules/more.drl.csv", inForce.replace("RuleSet,rules", "RuleSet,more"));
        assertThat(added.status()).isEqualTo(403);
        assertThat(rules.files()).doesNotContain("more.drl.csv");

        Response byOperator = put("ops", TABLE, code);
        assertThat(byOperator.status()).as(byOperator.raw()).isEqualTo(200);
        assertThat(reminders(rules, work(3, 0, 80, 80, 0))).as("every day within the threshold now").contains("DUE_SOON");
        Response valuesAfter = put("admin", TABLE, code.replace("5,DUE_SOON", "6,DUE_SOON"));
        assertThat(valuesAfter.status()).as("the changed table is the one in force").isEqualTo(200);
    }

    @Test
    void theRulesPageShowsTheRefusalInPlaceAndDrlFilesReadOnlyToTheOffice() throws Exception {
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/rules/thresholds.drl.csv")
                .param("text", edited("5,DUE_SOON", "5,\"DUE_SOON\"\"));\"")).with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("rules-error", "第 10 行第 B 列");
        MockHttpServletResponse saved = mvc.perform(MockMvcRequestBuilders.post("/rules/thresholds.drl.csv")
                .param("text", edited("5,DUE_SOON", "6,DUE_SOON")).with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).endsWith("saved");
        assertThat(reminders(rules, work(6, 0, 80, 80, 0))).containsExactly("DUE_SOON");

        assertThat(mvc.perform(MockMvcRequestBuilders.post("/rules/reminders.drl").param("text", NEVER)
                .with(user(users.loadUserByUsername("admin"))).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        String drl = mvc.perform(MockMvcRequestBuilders.get("/rules").param("file", "reminders.drl")
                .with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(drl).contains("rules-read-only").doesNotContain("save-rules");
        String forOperator = mvc.perform(MockMvcRequestBuilders.get("/rules").param("file", "reminders.drl")
                .with(user(users.loadUserByUsername("ops")))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(forOperator).contains("save-rules").doesNotContain("rules-read-only");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsListedOnThePageByFileLineAndColumn() throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.post("/rules/reminders.drl")
                        .param("text", NEVER.replace("never for operators", "page refusal").replace("then end",
                                "then\n    insert(new Nothing());\nend"))
                        .with(user(users.loadUserByUsername("ops"))).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Element problems = org.jsoup.Jsoup.parse(page).getElementById("rules-problems");
        assertThat(problems).as(page).isNotNull();
        assertThat(problems.select("tbody tr").first().select("td").eachText())
                .startsWith("reminders.drl", "5", "5").last().asString().contains("Nothing");
        assertThat(page).doesNotContain("Java source", "src/main/java", "LambdaConsequence");
        assertThat(api.get("ops", "/api/admin/rules/reminders.drl").raw()).as("the file in force is kept").doesNotContain("Nothing");
    }

    @Test
    void aWorkbookIsCheckedAsTheCompilerReadsIt() throws Exception {
        java.util.Optional<Folders.FileText> table = java.util.Optional.of(new Folders.FileText("t.drl.xlsx", xlsx(inForce)));
        RuleBase.build(java.util.List.of(table.get())); // a decision table Drools compiles
        DecisionTables.requireValuesOnly("t.drl.xlsx", table, xlsx(edited("5,DUE_SOON", "6,DUE_SOON\n2,DUE_SOON")));
        assertThatThrownBy(() -> DecisionTables.requireValuesOnly("t.drl.xlsx", table,
                xlsx(edited("5,DUE_SOON", "\"1); System.exit(0); //\",DUE_SOON"))))
                .isInstanceOf(RuleBase.CompileException.class).hasMessageContaining("第 10 行第 A 列").hasMessageContaining("不是整数");
        assertThatThrownBy(() -> DecisionTables.requireValuesOnly("t.drl.xlsx", table, xlsx(inForce.replace("$param", "$param || true"))))
                .isInstanceOf(RuleBase.CompileException.class).hasMessageContaining("第 8 行第 A 列");
    }

    /** The table as the office's spreadsheet program saves it: numbers as numbers, the rest as text. */
    private static byte[] xlsx(String csv) throws java.io.IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("阈值");
            String[] lines = csv.split("\n");
            for (int r = 0; r < lines.length; r++) {
                java.util.List<String> cells = new org.drools.decisiontable.parser.csv.CsvLineParser().parse(lines[r]);
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).matches("\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells.get(c)));
                    } else if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private void assertRefused(String table, String where, String reason) {
        Response refused = put("admin", TABLE, table);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).contains("thresholds.drl.csv", where, reason);
    }

    private static int lines(String text) {
        return text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0);
    }
}
