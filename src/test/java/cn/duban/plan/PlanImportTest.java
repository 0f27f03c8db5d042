package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.plan.parse.FormatFixturesTest;
import cn.duban.plan.parse.PdfAndDocTest;

/** Import through the API: preview with warnings, corrections before launch, launch. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlanImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private Response patch(String user, long itemId, String json) {
        return api.call(user, MockMvcRequestBuilders.patch("/api/items/" + itemId)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void previewShowsWarningsAndTheOfficeCorrectsItemsBeforeLaunch() throws IOException {
        Response imported = api.upload("admin", "/api/plans/import", "清单.docx", FormatFixturesTest.docx());
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().get("items").asInt()).isEqualTo(4);
        assertThat(imported.body().get("warnings").toString()).contains("单位未能识别: 县教育局");
        long planId = imported.body().get("planId").asLong();

        JsonNode plan = api.get("admin", "/api/plans/" + planId).body();
        assertThat(plan.at("/plan/status").asText()).isEqualTo("IMPORTED");
        assertThat(plan.at("/plan/warnings").toString()).contains("县教育局");
        JsonNode first = plan.get("items").get(0);
        assertThat(first.get("status").asText()).isEqualTo("DRAFT");
        assertThat(first.get("path").toString()).isEqualTo("[\"一\",\"1\"]");
        long itemId = first.get("id").asLong();

        assertThat(patch("jia", itemId, "{\"responsibleUnits\":[\"jia\"]}").status()).isEqualTo(403);
        Response blank = patch("admin", itemId, "{\"responsibleUnits\":[\"\"]}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("error").asText()).contains("单位");
        Response edited = patch("admin", itemId, "{\"responsibleUnits\":[\"jia\",\"市乙局\"],\"due\":\"2026-10-15\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("responsibleUnits").toString()).isEqualTo("[\"市甲局\",\"市乙局\"]");
        assertThat(edited.body().at("/deadline/due").asText()).isEqualTo("2026-10-15");

        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(200);
        assertThat(api.tasks("jia", planId)).hasSize(1);
        assertThat(api.tasks("jia", planId).get(0).get("due").asText()).isEqualTo("2026-10-15");
        JsonNode history = api.get("admin", "/api/items/" + itemId).body().get("history");
        assertThat(history.toString()).contains("EDITED");
        assertThat(patch("admin", itemId, "{\"due\":\"2026-11-01\"}").status()).as("launched: use ASSIGN").isEqualTo(409);
    }

    @Test
    void aPdfPlanImportsThroughTheApi() throws IOException {
        byte[] pdf = PdfAndDocTest.pdf(PdfAndDocTest.HEADER, PdfAndDocTest.PLAN, 7);
        Response imported = api.upload("admin", "/api/plans/import", "要点.pdf", pdf);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.body().get("items").asInt()).isEqualTo(4);
        assertThat(imported.body().get("title").asText()).isEqualTo("测试市2025年政务公开工作要点");
        JsonNode items = api.get("admin", "/api/plans/" + imported.body().get("planId").asLong()).body().get("items");
        assertThat(items.get(0).get("leadUnits").toString()).isEqualTo("[\"市财政局\"]");
        assertThat(items.get(2).get("text").asText()).isEqualTo("做好重要政策解读,每季度至少开展1次集中解读活动,扩大政策知晓面。");
        Response damaged = api.upload("admin", "/api/plans/import", "坏.pdf", Arrays.copyOf(pdf, 400));
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.body().get("error").asText()).contains("PDF");
    }

    @Test
    void aWordDocumentImportsThroughTheApiAndThePage() throws Exception {
        byte[] doc = PdfAndDocTest.resource("/parse/plan.doc");
        Response imported = api.upload("admin", "/api/plans/import", "要点.doc", doc);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.body().get("items").asInt()).isEqualTo(4);
        Response encrypted = api.upload("admin", "/api/plans/import", "密.pdf", PdfAndDocTest.encrypted(PdfAndDocTest.blankPdf()));
        assertThat(encrypted.status()).isEqualTo(400);
        assertThat(encrypted.body().get("error").asText()).contains("已加密");

        String form = mvc.perform(MockMvcRequestBuilders.get("/plans/import").with(user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("PDF").containsPattern("accept=\"[^\"]*\\.pdf[^\"]*\\.doc|accept=\"[^\"]*\\.doc[^\"]*\\.pdf");
        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.multipart("/plans/import")
                        .file(new MockMultipartFile("file", "要点.wps", "application/octet-stream", doc))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).matches("/plans/\\d+");
        long planId = Long.parseLong(page.getRedirectedUrl().substring("/plans/".length()));
        assertThat(api.get("admin", "/api/plans/" + planId).body().get("items")).hasSize(4);
    }

    @Test
    void aDocumentWithoutAYearNeedsTheYearParameter() throws Exception {
        byte[] text = "1.公开信息。(责任单位:市甲局)9月底前\n".getBytes(StandardCharsets.UTF_8);
        Response refused = api.upload("admin", "/api/plans/import", "p.txt", text);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).contains("年份");
        Response accepted = api.call("admin", MockMvcRequestBuilders.multipart("/api/plans/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "p.txt", "text/plain", text))
                .param("year", "2027"));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().get("year").asInt()).isEqualTo(2027);
        Response binary = api.upload("admin", "/api/plans/import", "p.bin", new byte[] {0, 1, 2, 3});
        assertThat(binary.status()).isEqualTo(400);
    }

    @Test
    void aDocumentWithoutItemsIsRefusedSayingWhatWasSeenThroughTheApiAndOnThePage() throws Exception {
        String prose = "某县2025年政务公开工作总结\n今年以来, 我县认真落实各项要求。\n下一步将继续深化公开。\n";
        Response refused = api.upload("admin", "/api/plans/import", "总结.txt", prose.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).isEqualTo(
                "未识别到任何事项: 识别到 3 行文字, 但没有编号的事项或单位行 (事项应以 1. 1、(1) 等编号开头, 或注明责任单位)");

        MockHttpServletResponse page = mvc.perform(MockMvcRequestBuilders.multipart("/plans/import").param("text", prose)
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"import-error\"", "识别到 3 行文字, 但没有编号的事项或单位行")
                .containsPattern("(?s)<textarea id=\"text\"[^>]*>某县2025年.*下一步将继续深化公开。\\s*</textarea>").contains("id=\"file\"");
    }

    @Test
    void aPublishedPlanGoesFromImportToSupervision() throws IOException {
        Path seed = cn.duban.Seeds.seed("001");
        Response imported = api.upload("admin", "/api/plans/import", seed.getFileName().toString(), Files.readAllBytes(seed));
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().get("items").asInt()).isEqualTo(35);
        long planId = imported.body().get("planId").asLong();
        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").body().get("started").asInt()).isEqualTo(35);
        // the test organization knows none of the district's units: the office confirms every item first
        assertThat(api.tasks("admin", planId)).hasSize(35).allMatch(t -> t.get("step").asText().equals("ASSIGN"));
    }
}
