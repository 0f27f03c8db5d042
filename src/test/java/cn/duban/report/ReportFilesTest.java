package cn.duban.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/** The annual-report section and the 通报, opened with POI and read back. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportFilesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void annualReportAndNoticeTellWhatWasDoneAndWhatLags() throws Exception {
        Api api = new Api(mvc);
        int year = LocalDate.now().getYear() + 13;
        long planId = api.launchPlan("测试市" + year + "年政务公开工作要点\n一、深化报告公开。围绕重点领域\n"
                + "1.公开报告事项一。(责任单位:市甲局)9月底前\n"
                + "二、强化通报管理\n"
                + "2.公开报告事项二。(责任单位:市乙局)9月底前\n"
                + "3.公开报告事项三。(责任单位:市乙局)年底前\n");
        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已全文公开\",\"percent\":100}");
        api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}");

        JsonNode section = api.get("admin", "/api/plans/" + planId + "/report").body();
        assertThat(section.get("items").asInt()).isEqualTo(3);
        assertThat(section.get("onTime").asInt()).isEqualTo(1);
        assertThat(section.get("open").asInt()).isEqualTo(2);
        JsonNode chapters = section.get("chapters");
        assertThat(chapters).hasSize(2);
        assertThat(chapters.get(0).get("title").asText()).isEqualTo("深化报告公开");
        assertThat(chapters.get(1).get("title").asText()).isEqualTo("强化通报管理");
        assertThat(chapters.get(1).get("items").asInt()).isEqualTo(2);

        String markdown = api.get("admin", "/api/plans/" + planId + "/report.md").raw();
        assertThat(markdown).contains("### 一、深化报告公开", "| 1 | 公开报告事项一 | 市甲局 | 已办结 | 市甲局: 已全文公开 (100%) |",
                "全年共部署工作任务3项, 按期办结1项");

        try (XWPFDocument report = docx("admin", "/api/plans/" + planId + "/report.docx")) {
            String text = report.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("落实情况", "一、深化报告公开", "二、强化通报管理", "按期办结1项", "回头看");
            assertThat(report.getTables()).as("a chapter's table each, and the units' scores").hasSize(3);
            assertThat(cells(report.getTables().get(2).getRow(0))).containsExactly("名次", "单位", "得分", "得分明细");
            assertThat(cells(report.getTables().get(0).getRow(0))).containsExactly("序号", "工作任务", "责任单位", "完成状态", "进展情况");
            assertThat(cells(report.getTables().get(0).getRow(1))).containsExactly("1", "公开报告事项一", "市甲局", "已办结",
                    "市甲局: 已全文公开 (100%)");
            assertThat(report.getTables().get(1).getNumberOfRows()).isEqualTo(3);
        }

        try (XWPFDocument notice = docx("admin", "/api/plans/" + planId + "/notice.docx?from=" + year + "-01-01&to=" + year + "-10-15")) {
            String text = notice.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("通报", "共有1个单位", "逾期未办结1项次");
            XWPFTable units = notice.getTables().get(0);
            assertThat(units.getNumberOfRows()).as("header and the one lagging unit").isEqualTo(2);
            assertThat(cells(units.getRow(1))).startsWith("市乙局", "1", "0");
            assertThat(cells(notice.getTables().get(1).getRow(1))).containsExactly("2", "公开报告事项二", year + "-09-30", "逾期未办结");
        }
        try (XWPFDocument quiet = docx("admin", "/api/plans/" + planId + "/notice.docx?from=" + year + "-01-01&to=" + year + "-06-30")) {
            assertThat(quiet.getTables()).as("only the units' scores").hasSize(1);
            assertThat(cells(quiet.getTables().get(0).getRow(0))).containsExactly("名次", "单位", "得分", "得分明细");
            assertThat(quiet.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining())).contains("无逾期或滞后事项");
        }

        byte[] fromPage = mvc.perform(get("/plans/" + planId + "/notice.docx?from=&to=" + year + "-10-15")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("leader")
                        .roles("SUPERVISOR"))).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument notice = new XWPFDocument(new ByteArrayInputStream(fromPage))) {
            assertThat(notice.getTables()).as("the page's form: an empty start means 1 January").hasSize(3);
        }
        assertThat(api.get("jia", "/api/plans/" + planId + "/report").status()).isEqualTo(403);
        assertThat(api.get("jia", "/api/plans/" + planId + "/notice.docx").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/plans/" + planId + "/notice.docx?from=" + year + "-12-01&to=" + year + "-01-01").body()
                .get("error").asText()).contains("起始日期");
    }

    private XWPFDocument docx(String user, String path) throws Exception {
        byte[] content = mvc.perform(get(path).with(httpBasic(user, Api.PASSWORD))).andReturn().getResponse().getContentAsByteArray();
        return new XWPFDocument(new ByteArrayInputStream(content));
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }
}
