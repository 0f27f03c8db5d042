package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;

/** An item that completes takes its open 督办 (SUPERVISE) tasks with it, and its process ends. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CompletedItemTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskService engineTasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService engineHistory;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void approvingTheLastReportClosesTheOpenSuperviseTasksAndEndsTheProcess() {
        // a past year: the sweep days (the first and third working day after 2023-08-31) are never in the future
        long planId = api.launchPlan("测试市2023年政务公开工作要点\n一、测试\n1.公开审计整改结果。(责任单位:市甲局)8月底前\n");
        long itemId = api.tasks("jia", planId).get(0).get("itemId").asLong();
        for (String day : List.of("2023-09-01", "2023-09-05")) {
            Api.Response swept = api.post("admin", "/api/admin/sweep?date=" + day, "");
            assertThat(swept.status()).as(swept.raw()).isEqualTo(200);
        }
        assertThat(supervise(planId)).as("level 1 and level 2 each opened a 督办 task").hasSize(2);

        api.complete("jia", api.task("jia", planId, "EXECUTE", "jia"), "{\"summary\":\"已整改\",\"percent\":100}");
        assertThat(api.complete("leader", api.task("leader", planId, "REVIEW", "jia"), "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(200);

        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertClosed(planId, item);
    }

    @Test
    void closingTheItemFromTheLedgerLeavesNoSuperviseTask() throws Exception {
        long planId = api.launchPlan("测试市2022年政务公开工作要点\n一、测试\n1.公开台账办结事项。(责任单位:市乙局)8月底前\n");
        long itemId = api.tasks("yi", planId).get(0).get("itemId").asLong();
        assertThat(api.post("admin", "/api/admin/sweep?date=2022-09-01", "").status()).isEqualTo(200);
        assertThat(supervise(planId)).hasSize(1);

        byte[] ledger = mvc.perform(get("/api/ledger.xlsx?plan=" + planId).with(httpBasic("admin", Api.PASSWORD)))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ledger));
             ByteArrayOutputStream edited = new ByteArrayOutputStream()) {
            Row header = book.getSheetAt(0).getRow(0);
            int status = java.util.stream.IntStream.range(0, header.getLastCellNum())
                    .filter(c -> header.getCell(c).getStringCellValue().equals("完成状态")).findFirst().orElseThrow();
            book.getSheetAt(0).getRow(1).getCell(status).setCellValue("已办结");
            book.write(edited);
            Api.Response imported = api.call("admin", multipart("/api/admin/ledger/import?apply=true")
                    .file(new MockMultipartFile("file", "ledger.xlsx", "application/octet-stream", edited.toByteArray())));
            assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        }

        JsonNode item = api.get("admin", "/api/items/" + itemId).body();
        assertThat(item.at("/item/status").asText()).isEqualTo("COMPLETED");
        assertClosed(planId, item);
    }

    /** The item's 督办 tasks in the supervisors' queue. */
    private List<JsonNode> supervise(long planId) {
        return api.tasks("leader", planId).stream().filter(t -> t.get("step").asText().equals("SUPERVISE")).toList();
    }

    /** No task left in duban's list or in the engine, and the engine's history shows the process ended. */
    private void assertClosed(long planId, JsonNode item) {
        String instance = item.at("/item/processInstanceId").asText();
        assertThat(item.get("openTasks")).isEmpty();
        assertThat(api.tasks("leader", planId)).as("nothing left in the supervisors' queue").isEmpty();
        assertThat(engineTasks.createTaskQuery().processInstanceId(instance).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(engineHistory.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
                .as("the process ended").isNotNull();
    }
}
