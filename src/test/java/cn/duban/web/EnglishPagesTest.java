package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;

/**
 * The pages in English (?lang=en): every word of the page's own comes from the English messages, so that what stays
 * Chinese is the plan's and the directory's data only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EnglishPagesTest {

    private static final int YEAR = LocalDate.now().getYear() + 4;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    /** A template's own text and attributes in Chinese stand under a th:text (or th:attribute) that replaces them. */
    @Test
    void noTemplateShowsChineseOfItsOwn() throws Exception {
        List<String> fixed = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Document page = Jsoup.parse(Files.readString(template), "", Parser.htmlParser().settings(ParseSettings.preserveCase));
                for (Element e : page.getAllElements()) {
                    if (!replaced(e) && HAN.matcher(e.ownText()).find()) {
                        fixed.add(template.getFileName() + ": <" + e.tagName() + "> " + e.ownText());
                    }
                    for (Attribute a : e.attributes()) {
                        if (!a.getKey().startsWith("th:") && !a.getKey().equals("lang") && HAN.matcher(a.getValue()).find()
                                && !e.hasAttr("th:" + a.getKey()) && !e.hasAttr("th:attr")) {
                            fixed.add(template.getFileName() + ": " + e.tagName() + " " + a);
                        }
                    }
                }
            }
        }
        assertThat(fixed).as("Chinese the English pages would show").isEmpty();
    }

    private static boolean replaced(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x.hasAttr("th:text") || x.hasAttr("th:utext") || x.hasAttr("th:replace") || x.hasAttr("th:insert")
                    || x.hasAttr("th:remove")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyPageRendersInEnglishWithNoMissingWord() throws Exception {
        Api api = new Api(mvc);
        String text = "英文市" + YEAR + "年政务公开工作要点\n一、公开\n1.公开英文测试事项。(责任单位:市甲局)9月底前\n";
        long plan = api.launchPlan(text);
        long item = api.tasks("jia", plan).get(0).get("itemId").asLong();
        // Chinese that is data: the plans' text (this test's and others' sharing the database), the directory's
        // names, what people wrote and the messages as sent (in the office's language); and the switch back to 中文
        String data = String.join("\n", jdbc.sql("select title || ' ' || coalesce(chapters, '') from plan "
                + "union all select text || ' ' || coalesce(deadline_text, '') from item "
                + "union all select name from unit union all select coalesce(display_name, '') from app_user "
                + "union all select coalesce(comment, '') from item_event union all select message from notification").query(String.class).list())
                .replace('\t', '、') + "中文"; // a chapter shows as 一、heading
        List<String> chinese = new ArrayList<>();
        for (String path : List.of("/", "/plans", "/plans/" + plan, "/items/" + item, "/reviews", "/dashboard?plan=" + plan,
                "/notifications", "/account", "/rules", "/admin", "/plans/import")) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(path).param("lang", "en")
                    .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin")))).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(path + ": a message without its English words").doesNotContain("??");
            Document page = Jsoup.parse(html);
            assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
            // the files' own text, lists of data to choose from, the audit log's records, and hints quoting a document's words
            page.select("textarea, select, #audit, [data-quotes=zh]").remove();
            String shown = page.body().text();
            Matcher m = HAN.matcher(shown);
            while (m.find()) {
                if (!data.contains(m.group())) {
                    chinese.add(path + ": «" + shown.substring(Math.max(0, m.start() - 20), Math.min(shown.length(), m.end() + 20)) + "»");
                }
            }
        }
        assertThat(chinese).as("Chinese words of the pages' own in English").isEmpty();
    }
}
