package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/** The ledger workbook: exported in the 分工方案 layout, edited offline, imported back with a preview. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LedgerWorkbookTest {

    private static final DataFormatter FORMAT = new DataFormatter();

    @Autowired
    MockMvc mvc;

    @Test
    void roundTripChangesExactlyWhatWasEditedAndReportsVanishedItems() throws Exception {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 12;
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、台账\n"
                + "1.公开台账事项一。(责任单位:市甲局)9月底前\n"
                + "2.公开台账事项二。(责任单位:市乙局)9月底前\n"
                + "3.公开台账事项三,每年至少听取1次。(责任单位:市丙局)年底前\n");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已公开\",\"percent\":100}");

        List<List<String>> before = rows(export("admin", planId, null));
        assertThat(before.get(0)).startsWith("序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限", "进展情况", "完成状态", "佐证材料");
        assertThat(before).hasSize(4);
        List<String> first = before.get(1);
        assertThat(first.get(0)).isEqualTo("一/1");
        assertThat(first.get(4)).isEqualTo("市甲局");
        assertThat(first.get(5)).startsWith(year + "-09-30");
        assertThat(first.get(6)).isEqualTo("市甲局: 已公开 (100%)");
        assertThat(first.get(7)).isEqualTo("办理中");
        assertThat(before.get(3).get(9)).isEqualTo("每年至少1次: 已报送0次 (未达标)");
        JsonNode quota = api.get("admin", "/api/items/" + before.get(3).get(LedgerWorkbook.ID)).body().at("/quotas/0");
        assertThat(quota.get("requirement").asText()).isEqualTo("每年至少1次");
        assertThat(quota.get("met").asBoolean()).isFalse();
        api.complete("bing", api.task("bing", planId, "EXECUTE", "bing"), "{\"summary\":\"已听取汇报\",\"percent\":100}");
        assertThat(api.get("admin", "/api/items/" + before.get(3).get(LedgerWorkbook.ID)).body().at("/quotas/0/met").asBoolean())
                .as("the report counts once submitted").isTrue();
        before = rows(export("admin", planId, null));
        assertThat(before.get(3).get(9)).isEqualTo("每年至少1次: 已报送1次 (达标)");

        byte[] edited = edit(export("admin", planId, null), book -> {
            Sheet sheet = book.getSheetAt(0);
            sheet.getRow(1).getCell(LedgerWorkbook.PROGRESS).setCellValue("已在政府网站公开");
            sheet.getRow(2).getCell(LedgerWorkbook.PROGRESS).setCellValue("正在起草");
            sheet.getRow(3).getCell(LedgerWorkbook.STATUS).setCellValue("已办结");
            Row gone = sheet.createRow(4);
            gone.createCell(0).setCellValue("一/9");
            gone.createCell(LedgerWorkbook.ID).setCellValue(987654321);
        });

        JsonNode preview = upload(edited, false);
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("changes").asInt()).isEqualTo(3);
        assertThat(preview.get("conflicts").asInt()).isEqualTo(1);
        assertThat(preview.get("rows").toString()).contains("事项已不存在");
        assertThat(rows(export("admin", planId, null))).as("a preview changes nothing").isEqualTo(before);

        JsonNode applied = upload(edited, true);
        assertThat(applied.get("applied").asBoolean()).isTrue();
        List<List<String>> after = rows(export("admin", planId, null));
        List<List<String>> expected = new ArrayList<>(before.stream().map(ArrayList::new).toList());
        expected.get(1).set(LedgerWorkbook.PROGRESS, "已在政府网站公开");
        expected.get(2).set(LedgerWorkbook.PROGRESS, "正在起草");
        expected.get(3).set(LedgerWorkbook.STATUS, "已办结");
        assertThat(after).isEqualTo(expected);
        assertThat(api.tasks("leader", planId)).as("the closed item's review is gone")
                .noneMatch(t -> t.toString().contains("事项三"));

        List<List<String>> jia = rows(export("jia", planId, null));
        assertThat(jia).as("a unit exports its own rows only").hasSize(2)
                .allMatch(r -> r == jia.get(0) || r.get(4).equals("市甲局"));
        assertThat(api.get("jia", "/api/ledger.xlsx?plan=" + planId + "&unit=yi").status()).isEqualTo(403);
        assertThat(api.call("jia", multipart("/api/admin/ledger/import")
                .file(new MockMultipartFile("file", "l.xlsx", "application/octet-stream", edited))).status()).isEqualTo(403);
        byte[] fromPage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/plans/" + planId + "/ledger.xlsx").with(SecurityMockMvcRequestPostProcessors.user("jia").roles("UNIT")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(rows(fromPage)).as("the page's download obeys the same rule").isEqualTo(jia);
        String page = mvc.perform(multipart("/admin/ledger")
                        .file(new MockMultipartFile("file", "ledger.xlsx", "application/octet-stream", edited))
                        .with(SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).as("already imported: only the vanished row is left").contains("预览: 0 处修改, 1 处冲突", "事项已不存在");

        Api.Response garbage = api.call("admin", multipart("/api/admin/ledger/import")
                .file(new MockMultipartFile("file", "l.xlsx", "application/octet-stream", "not a workbook".getBytes())));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("error").asText()).contains("台账");
    }

    @Test
    void anEvidenceCellWithALinkThatIsNotHttpIsAConflictNeverApplied() throws Exception {
        Api api = new Api(mvc);
        long planId = api.launchPlan("测试市" + (LocalDate.now().getYear() + 15) + "年政务公开工作要点\n一、台账\n"
                + "1.公开台账链接事项。(责任单位:市甲局)9月底前\n");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"),
                "{\"summary\":\"已公开\",\"percent\":100,\"evidence\":[\"https://example.gov.cn/a\"]}");
        List<List<String>> before = rows(export("admin", planId, null));
        assertThat(before.get(1).get(8)).isEqualTo("https://example.gov.cn/a");

        byte[] edited = edit(export("admin", planId, null), book -> book.getSheetAt(0).getRow(1).getCell(8)
                .setCellValue("https://example.gov.cn/a\njavascript:alert(1)"));
        JsonNode preview = upload(edited, false);
        assertThat(preview.get("conflicts").asInt()).isEqualTo(1);
        JsonNode row = preview.at("/rows/0");
        assertThat(row.get("field").asText()).isEqualTo("佐证材料");
        assertThat(row.get("applied").asBoolean()).isFalse();
        assertThat(row.get("note").asText()).isEqualTo("佐证链接须为 http(s) 网址: javascript:alert(1)");
        assertThat(upload(edited, true).at("/rows/0/applied").asBoolean()).isFalse();
        assertThat(rows(export("admin", planId, null))).as("nothing was applied").isEqualTo(before);
    }

    private byte[] export(String user, long planId, String unit) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/api/ledger.xlsx?plan=" + planId + (unit == null ? "" : "&unit=" + unit))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(user, Api.PASSWORD)))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private JsonNode upload(byte[] content, boolean apply) {
        Api.Response response = new Api(mvc).call("admin", multipart("/api/admin/ledger/import?apply=" + apply)
                .file(new MockMultipartFile("file", "ledger.xlsx", "application/octet-stream", content)));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    static List<List<String>> rows(byte[] content) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            List<List<String>> rows = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < LedgerWorkbook.HEADER.length; c++) {
                    cells.add(FORMAT.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    interface Edit {
        void apply(XSSFWorkbook book);
    }

    private static byte[] edit(byte[] content, Edit edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(book);
            book.write(out);
            return out.toByteArray();
        }
    }
}
