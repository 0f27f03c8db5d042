package cn.duban.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;

/**
 * The office corrects the import preview through the API: text, units and deadline of an item; items added, deleted,
 * split, merged and moved, renumbered in document order; only the office, and only before launch.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlanPreviewTest {

    /** A different year for each plan, so that no plan is another's look-back. */
    private static final AtomicInteger YEAR = new AtomicInteger(2060);

    /** Numbered through (1 … 4 across chapters), with a unit the directory does not know. */
    private static final String THROUGH = "一、深化政策公开\n1.公开审计结果。(责任单位:市甲局)9月底前\n"
            + "2.公开统计数据。二是公开财政预算。(责任单位:市乙局、县教育局)10月底前\n"
            + "二、加强解读回应\n3.做好政策解读。(责任单位:市甲局)年底前\n4.回应社会关切。(牵头单位:市丙局;责任单位:市乙局)11月底前\n";

    /** Numbered afresh in each chapter. */
    private static final String PER_CHAPTER = "一、深化政策公开\n1.公开审计结果。(责任单位:市甲局)9月底前\n"
            + "2.公开统计数据。(责任单位:市乙局)10月底前\n二、加强解读回应\n1.做好政策解读。(责任单位:市甲局)年底前\n"
            + "2.回应社会关切。(责任单位:市乙局)11月底前\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private long importPlan(String items) {
        String text = "测试市" + YEAR.getAndIncrement() + "年政务公开工作要点\n" + items;
        Response imported = api.upload("admin", "/api/plans/import", "p.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        return imported.body().get("planId").asLong();
    }

    @Test
    void itemsOfLowConfidenceAreListedFirstAboveRowsThatKeepTheirOrderAndAreJudgedAgainWhenCorrected() {
        long planId = importPlan("一、深化政策公开\n1.公开审计结果。(责任单位:市甲局)9月底前\n2.公开统计数据。(责任单位:市乙局)\n"
                + "3.做好重大政策解读工作\n4.回应社会关切。(责任单位:市乙局)11月底前\n");
        JsonNode plan = plan(planId);
        assertThat(items(planId)).extracting(i -> i.split(" ")[0]).containsExactly("一/1", "一/2", "一/3", "一/4");
        JsonNode toCheck = plan.get("toCheck");
        assertThat(toCheck).hasSize(2);
        assertThat(toCheck.get(0).get("path").toString()).isEqualTo("[\"一\",\"3\"]");
        assertThat(toCheck.get(0).get("level").asText()).isEqualTo("LOW");
        assertThat(toCheck.get(0).get("reasons").toString()).contains("未识别到牵头或责任单位");
        assertThat(toCheck.get(1).get("path").toString()).isEqualTo("[\"一\",\"2\"]");
        assertThat(toCheck.get(1).get("level").asText()).isEqualTo("MEDIUM");
        assertThat(toCheck.get(1).get("reasons").toString()).isEqualTo("[\"未识别到完成时限 (本计划多数事项有时限)\"]");
        long low = toCheck.get(0).get("itemId").asLong();
        long medium = toCheck.get(1).get("itemId").asLong();

        String page = page(MockMvcRequestBuilders.get("/plans/" + planId));
        assertThat(page).contains("请先核对 (2 项)", "href=\"#item-" + low + "\"", "href=\"#item-" + medium + "\"");
        assertThat(page.indexOf("#item-" + low)).isLessThan(page.indexOf("#item-" + medium));
        assertThat(page).containsPattern("id=\"item-" + low + "\"[^>]*class=\"item doubt-low\"");

        assertThat(patch("admin", low, "{\"responsibleUnits\":[\"市丙局\"],\"deadline\":\"YEAR_END\"}").status()).isEqualTo(200);
        assertThat(plan(planId).get("toCheck")).extracting(c -> c.get("itemId").asLong()).containsExactly(medium);
        String saved = page(MockMvcRequestBuilders.post("/plans/items/" + medium).param("deadline", "DATE")
                .param("due", "2060-10-31").param("responsibleUnits", "市乙局").with(csrf()));
        assertThat(saved).contains("id=\"to-check\" hx-swap-oob=\"true\"").doesNotContain("请先核对")
                .containsPattern("id=\"item-" + medium + "\"[^>]*class=\"item\"");
    }

    /** A page as the office sees it. */
    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request.with(user(users.loadUserByUsername("admin")))).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode plan(long planId) {
        return api.get("admin", "/api/plans/" + planId).body();
    }

    /** The plan's items as "path text". */
    private List<String> items(long planId) {
        List<String> items = new ArrayList<>();
        plan(planId).get("items").forEach(i -> items.add(String.join("/", paths(i)) + " " + i.get("text").asText()));
        return items;
    }

    private static List<String> paths(JsonNode item) {
        List<String> path = new ArrayList<>();
        item.get("path").forEach(p -> path.add(p.asText()));
        return path;
    }

    private long itemId(long planId, int index) {
        return plan(planId).get("items").get(index).get("id").asLong();
    }

    private Response send(String user, String method, String path, String json) {
        return api.call(user, MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private Response patch(String user, long itemId, String json) {
        return send(user, "PATCH", "/api/items/" + itemId, json);
    }

    private static void refused(Response response, int status, String error) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("error").asText()).contains(error);
    }

    private String audit(String subject) {
        return api.get("admin", "/api/admin/audit?subject=" + subject).body().toString();
    }

    @Test
    void theOfficeEditsAnItemsTextUnitsAndDeadline() {
        long planId = importPlan(THROUGH);
        long itemId = itemId(planId, 1);
        assertThat(plan(planId).at("/plan/warnings").toString()).contains("事项 一/2: 单位未能识别: 县教育局");

        Response edited = patch("admin", itemId, "{\"text\":\"公开统计数据。\",\"leadUnits\":[\"bing\"],"
                + "\"responsibleUnits\":[\"市乙局\"],\"cooperatingUnits\":[\"区档案馆\"]}");
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("text").asText()).isEqualTo("公开统计数据。");
        assertThat(edited.body().get("leadUnits").toString()).isEqualTo("[\"市丙局\"]");
        assertThat(edited.body().get("responsibleUnits").toString()).isEqualTo("[\"市乙局\"]");
        assertThat(edited.body().get("cooperatingUnits").toString()).isEqualTo("[\"区档案馆\"]");
        String warnings = plan(planId).at("/plan/warnings").toString();
        assertThat(warnings).as("an unknown name is a warning, as on import").contains("事项 一/2: 单位未能识别: 区档案馆")
                .as("the corrected name's warning is gone").doesNotContain("县教育局");

        Response recurring = patch("admin", itemId, "{\"deadline\":\"RECURRING\",\"frequency\":\"QUARTERLY\"}");
        assertThat(recurring.body().at("/deadline/kind").asText()).isEqualTo("RECURRING");
        assertThat(recurring.body().at("/deadline/frequency").asText()).isEqualTo("QUARTERLY");
        assertThat(recurring.body().at("/deadline/due").asText()).endsWith("-12-31");
        assertThat(patch("admin", itemId, "{\"deadline\":\"ONGOING\"}").body().at("/deadline/kind").asText()).isEqualTo("ONGOING");
        Response dated = patch("admin", itemId, "{\"deadline\":\"DATE\",\"due\":\"2030-06-30\"}");
        assertThat(dated.body().at("/deadline/kind").asText()).isEqualTo("DATE");
        assertThat(dated.body().at("/deadline/due").asText()).isEqualTo("2030-06-30");
        assertThat(patch("admin", itemId, "{\"deadline\":\"NONE\"}").body().at("/deadline/kind").asText()).isEqualTo("NONE");

        refused(patch("admin", itemId, "{\"text\":\"  \"}"), 400, "事项内容");
        refused(patch("admin", itemId, "{\"deadline\":\"DATE\"}"), 400, "due");
        refused(patch("admin", itemId, "{\"deadline\":\"RECURRING\"}"), 400, "frequency");
        refused(patch("admin", itemId, "{\"deadline\":\"YEAR_END\",\"frequency\":\"MONTHLY\"}"), 400, "frequency");
        refused(patch("admin", itemId, "{\"deadline\":\"SOMETIME\"}"), 400, "");
        refused(patch("admin", itemId, "{\"leadUnits\":[\" \"]}"), 400, "单位");
        assertThat(plan(planId).get("items").get(1).get("text").asText()).as("nothing half-done").isEqualTo("公开统计数据。");
        assertThat(audit("item:" + itemId)).contains("ITEM_EDITED", "公开统计数据。二是公开财政预算", "区档案馆");
    }

    @Test
    void itemsAddedDeletedSplitMergedAndMovedAreRenumberedThroughThePlan() {
        long planId = importPlan(THROUGH);
        long first = itemId(planId, 0);

        Response added = send("admin", "POST", "/api/plans/" + planId + "/items?after=" + first,
                "{\"text\":\"公开采购信息。\",\"responsibleUnits\":[\"ding\"],\"due\":\"2030-08-31\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.body().get("responsibleUnits").toString()).isEqualTo("[\"市丁局\"]");
        assertThat(added.body().get("status").asText()).isEqualTo("DRAFT");
        assertThat(items(planId)).containsExactly("一/1 公开审计结果。", "一/2 公开采购信息。",
                "一/3 公开统计数据。二是公开财政预算。", "二/4 做好政策解读。", "二/5 回应社会关切。");
        assertThat(plan(planId).at("/plan/warnings").toString()).as("the warning follows its item")
                .contains("事项 一/3: 单位未能识别: 县教育局").doesNotContain("事项 一/2: 单位");
        send("admin", "POST", "/api/plans/" + planId + "/items?chapter=二", "{\"text\":\"公开解读材料。\"}");
        assertThat(items(planId)).endsWith("二/6 公开解读材料。");
        assertThat(audit("item:" + added.body().get("id").asLong())).contains("ITEM_ADDED", "公开采购信息");

        refused(send("admin", "POST", "/api/plans/" + planId + "/items", "{\"text\":\"x\"}"), 400, "after");
        refused(send("admin", "POST", "/api/plans/" + planId + "/items?chapter=九", "{\"text\":\"x\"}"), 400, "没有该章");
        refused(send("admin", "POST", "/api/plans/" + planId + "/items?chapter=一", "{\"text\":\" \"}"), 400, "text");
        refused(send("admin", "POST", "/api/plans/" + planId + "/items?after=999999", "{\"text\":\"x\"}"), 400, "999999");

        long statistics = itemId(planId, 2);
        Response split = send("admin", "POST", "/api/items/" + statistics + "/split", "{\"second\":\"二是\"}");
        assertThat(split.status()).as(split.raw()).isEqualTo(200);
        assertThat(split.body().get(1).get("responsibleUnits").toString()).as("units copied").isEqualTo("[\"市乙局\",\"县教育局\"]");
        assertThat(split.body().get(1).at("/deadline/due").asText()).as("deadline copied")
                .isEqualTo(split.body().get(0).at("/deadline/due").asText());
        assertThat(items(planId)).containsExactly("一/1 公开审计结果。", "一/2 公开采购信息。", "一/3 公开统计数据。",
                "一/4 二是公开财政预算。", "二/5 做好政策解读。", "二/6 回应社会关切。", "二/7 公开解读材料。");
        Response atOffset = send("admin", "POST", "/api/items/" + first + "/split", "{\"at\":2}");
        assertThat(atOffset.body().get(0).get("text").asText()).isEqualTo("公开");
        assertThat(atOffset.body().get(1).get("text").asText()).isEqualTo("审计结果。");
        refused(send("admin", "POST", "/api/items/" + first + "/split", "{\"at\":2}"), 400, "1 与 1");
        refused(send("admin", "POST", "/api/items/" + first + "/split", "{\"second\":\"预算\"}"), 400, "没有这段文字");
        refused(send("admin", "POST", "/api/items/" + first + "/split", "{}"), 400, "at");
        assertThat(audit("item:" + statistics)).contains("ITEM_SPLIT", "二是公开财政预算");

        long audit = itemId(planId, 1);
        Response merged = send("admin", "POST", "/api/items/" + audit + "/merge", "{\"into\":\"PREVIOUS\"}");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.body().get("text").asText()).isEqualTo("公开。审计结果。");
        refused(send("admin", "POST", "/api/items/" + first + "/merge", "{\"into\":\"PREVIOUS\"}"), 400, "没有上一项");
        refused(send("admin", "POST", "/api/items/" + first + "/merge", "{}"), 400, "into");
        long procurement = itemId(planId, 1);
        Response intoNext = send("admin", "POST", "/api/items/" + procurement + "/merge", "{\"into\":\"NEXT\"}");
        assertThat(intoNext.body().get("text").asText()).isEqualTo("公开采购信息。公开统计数据。");
        assertThat(intoNext.body().get("responsibleUnits").toString()).as("units unioned").isEqualTo("[\"市丁局\",\"市乙局\",\"县教育局\"]");
        assertThat(intoNext.body().at("/deadline/due").asText()).as("the later due date").endsWith("-10-31");
        assertThat(audit("item:" + intoNext.body().get("id").asLong())).contains("ITEMS_MERGED", "公开采购信息");
        assertThat(items(planId)).containsExactly("一/1 公开。审计结果。", "一/2 公开采购信息。公开统计数据。",
                "一/3 二是公开财政预算。", "二/4 做好政策解读。", "二/5 回应社会关切。", "二/6 公开解读材料。");

        long budget = itemId(planId, 2);
        Response moved = send("admin", "POST", "/api/items/" + budget + "/move", "{\"chapter\":\"二\"}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(paths(moved.body())).containsExactly("二", "6");
        refused(send("admin", "POST", "/api/items/" + budget + "/move", "{\"chapter\":\"二\"}"), 400, "已在该章");
        refused(send("admin", "POST", "/api/items/" + budget + "/move", "{\"chapter\":\"九\"}"), 400, "没有该章");
        assertThat(audit("item:" + budget)).contains("ITEM_MOVED");

        long interpretation = itemId(planId, 2);
        assertThat(send("admin", "DELETE", "/api/items/" + interpretation, "").status()).isEqualTo(204);
        assertThat(items(planId)).containsExactly("一/1 公开。审计结果。", "一/2 公开采购信息。公开统计数据。",
                "二/3 回应社会关切。", "二/4 公开解读材料。", "二/5 二是公开财政预算。");
        refused(send("admin", "DELETE", "/api/items/" + interpretation, ""), 404, "事项不存在");
        assertThat(audit("item:" + interpretation)).contains("ITEM_DELETED", "做好政策解读");
        assertThat(plan(planId).at("/plan/items").asInt()).isEqualTo(5);
    }

    @Test
    void aPlanNumberedPerChapterIsRenumberedWithinEachChapter() {
        long planId = importPlan(PER_CHAPTER);
        long first = itemId(planId, 0);
        send("admin", "POST", "/api/items/" + first + "/move", "{\"chapter\":\"二\"}");
        assertThat(items(planId)).containsExactly("一/1 公开统计数据。", "二/1 做好政策解读。", "二/2 回应社会关切。",
                "二/3 公开审计结果。");
        long sections = importPlan("一、深化政策公开\n(一)公开审计结果。(责任单位:市甲局)9月底前\n"
                + "(二)公开统计数据。(责任单位:市乙局)10月底前\n(三)公开财政预算。(责任单位:市乙局)10月底前\n");
        assertThat(send("admin", "DELETE", "/api/items/" + itemId(sections, 0), "").status()).isEqualTo(204);
        assertThat(items(sections)).as("numbered in the style the heading used")
                .containsExactly("一/(一) 公开统计数据。", "一/(二) 公开财政预算。");
        long single = importPlan("一、测试\n1.公开审计结果。(责任单位:市甲局)9月底前\n");
        refused(send("admin", "DELETE", "/api/items/" + itemId(single, 0), ""), 400, "至少");
    }

    @Test
    void onlyTheOfficeCorrectsAndOnlyBeforeLaunch() {
        long planId = importPlan(THROUGH);
        long itemId = itemId(planId, 1);
        for (String user : List.of("jia", "leader", "ops")) {
            refused(patch(user, itemId, "{\"text\":\"x\"}"), 403, "无权");
            refused(send(user, "POST", "/api/plans/" + planId + "/items?chapter=一", "{\"text\":\"x\"}"), 403, "无权");
            refused(send(user, "DELETE", "/api/items/" + itemId, ""), 403, "无权");
            refused(send(user, "POST", "/api/items/" + itemId + "/split", "{\"at\":2}"), 403, "无权");
            refused(send(user, "POST", "/api/items/" + itemId + "/merge", "{\"into\":\"NEXT\"}"), 403, "无权");
            refused(send(user, "POST", "/api/items/" + itemId + "/move", "{\"chapter\":\"二\"}"), 403, "无权");
        }
        assertThat(items(planId)).hasSize(4).element(1).isEqualTo("一/2 公开统计数据。二是公开财政预算。");

        assertThat(api.post("admin", "/api/plans/" + planId + "/launch", "").status()).isEqualTo(200);
        refused(patch("admin", itemId, "{\"text\":\"x\"}"), 409, "已启动");
        refused(send("admin", "POST", "/api/plans/" + planId + "/items?chapter=一", "{\"text\":\"x\"}"), 409, "已启动");
        refused(send("admin", "DELETE", "/api/items/" + itemId, ""), 409, "已启动");
        refused(send("admin", "POST", "/api/items/" + itemId + "/split", "{\"at\":2}"), 409, "已启动");
        refused(send("admin", "POST", "/api/items/" + itemId + "/merge", "{\"into\":\"NEXT\"}"), 409, "已启动");
        refused(send("admin", "POST", "/api/items/" + itemId + "/move", "{\"chapter\":\"二\"}"), 409, "已启动");
        assertThat(items(planId)).hasSize(4);
    }
}
