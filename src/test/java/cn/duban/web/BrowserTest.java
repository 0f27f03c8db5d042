package cn.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.duban.Codes;
import cn.duban.plan.PlanService;
import cn.duban.plan.parse.Requirement;
import cn.duban.rules.WorkCalendar;
import cn.duban.workflow.DailySweep;

/**
 * The pages in a real headless Chromium (Debian's chromium and chromium-driver): a unit clerk hands in, the reviewer
 * returns, the clerk hands in again, the reviewer approves, and the dashboard counts the item completed.
 * Screenshots of each page go to target/screenshots/, at the desk (1400 px) and on a phone (390×844, NAME-390.png,
 * where the page must not scroll sideways); on each, the browser's console has no error and no
 * Content-Security-Policy violation (the pages work under the CSP: htmx, the charts), no code where words belong
 * (an enum constant's name, a reminder's kind, an audit action: {@link #CODES}) and every table has a header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:duban-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    /** The desk's window, and the phone's (a 390×844 screen) in which every page is shot again as NAME-390.png. */
    static final Dimension DESK = new Dimension(1400, 1100);
    static final Dimension PHONE = new Dimension(390, 844);

    /**
     * The domain's codes, which the pages show by their words (step.ASSIGN → 交办确认): every constant of the enums the
     * pages label ({@link Codes}) and of the quotas' periods; any other code-like token (DUE_SOON, PLAN_IMPORTED) is caught by {@link #CODE}.
     */
    static final Set<String> CODES = Stream.concat(Codes.LABELLED.values().stream().flatMap(List::stream),
            Arrays.stream(Requirement.Per.values()).map(Enum::name)).collect(Collectors.toSet());

    /** A word in capitals, such as an enum constant's name: OPEN, TASK_OPENED. */
    static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)*\\b");

    /**
     * The page's text as a reader meets it: its text and the labels of its controls (title, placeholder, aria-label,
     * the options of a select), but not a script, a file being edited (textarea) or a literal code ({@code <code>}).
     */
    static final String PAGE_TEXT = """
            const out = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              if (!n.parentElement.closest('script, style, textarea, code, noscript')) out.push(n.textContent);
            }
            document.querySelectorAll('[title], [placeholder], [aria-label]').forEach(e =>
              ['title', 'placeholder', 'aria-label'].forEach(a => e.hasAttribute(a) && out.push(e.getAttribute(a))));
            return out.join('\\n');""";

    static WebDriver browser;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @Autowired
    PlanService plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DailySweep sweep;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    cn.duban.workflow.SupervisionTasks tasks;

    @Autowired
    cn.duban.org.OrgDirectory directory;

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver): browser tests skipped");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + DESK.getWidth() + "," + DESK.getHeight(), "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("duban-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String user) {
        login(user, "pw");
    }

    private void login(String user, String password) {
        // leave the previous page first: a request of it still under way could otherwise set a session again after the
        // cookies are gone, and the login form's token would belong to another session (403)
        browser.get("about:blank");
        browser.get(url("/login")); // cookies are deleted for the page's site: the session's and the language's
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    /** Imports and launches a plan of the year with the items given (numbered, one a line), as the office. */
    private long launch(int year, String items) {
        long planId = plans.importPlan(("测试市" + year + "年政务公开工作要点\n一、测试\n" + items).getBytes(StandardCharsets.UTF_8),
                "p.txt", null, "admin").planId();
        plans.launch(planId, "admin");
        return planId;
    }

    /**
     * A screenshot of the page at the desk and on a phone, whose console must be clean but for the expected messages
     * (e.g. a 403's); a page of ours (not Camunda's) shows words, not codes, a header on every table and, on the phone,
     * does not scroll sideways (a wide table may, inside its own box).
     */
    private static void shot(String name, String... expected) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        consoleIsClean(name, expected);
        if (!browser.getCurrentUrl().contains("/camunda/")) {
            wordsNotCodes(name);
            onAPhone(name);
        }
    }

    /** The page in a phone's window: no sideways scrolling; shot at the phone's width and the page's whole length. */
    private static void onAPhone(String name) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().window().setSize(PHONE);
        try {
            wait.until(b -> ((Number) js.executeScript("return window.innerWidth")).intValue() == PHONE.getWidth());
            int frame = PHONE.getHeight() - ((Number) js.executeScript("return window.innerHeight")).intValue(); // the window's own bars
            browser.manage().window().setSize(new Dimension(PHONE.getWidth(), PHONE.getHeight() + frame));
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as(name + " scrolls sideways on a phone").isLessThanOrEqualTo(PHONE.getWidth() + 1);
            int height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue();
            browser.manage().window().setSize(new Dimension(PHONE.getWidth(), Math.min(Math.max(height, PHONE.getHeight()), 6000) + frame));
            Files.write(SHOTS.resolve(name + "-390.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(DESK);
        }
    }

    /** No code of the domain on the page, and every table has a header row (or, a form of fields, row headers). */
    private static void wordsNotCodes(String page) {
        String text = (String) ((JavascriptExecutor) browser).executeScript(PAGE_TEXT);
        List<String> codes = new java.util.ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            if (CODES.contains(m.group()) || m.group().contains("_")) {
                codes.add(m.group() + " in «" + text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30))
                        .replaceAll("\\s+", " ") + "»");
            }
        }
        assertThat(codes).as("codes on " + page).isEmpty();
        assertThat(browser.findElements(By.cssSelector("table")).stream()
                .filter(t -> t.findElements(By.cssSelector(":scope > thead > tr > th, :scope > tbody > tr > th[scope=row]")).isEmpty())
                .map(t -> t.getAttribute("id")).toList()).as("tables without a header on " + page).isEmpty();
    }

    /** No error and no CSP violation ("Refused to …") in the console since the last look. */
    private static void consoleIsClean(String page, String... expected) {
        List<String> bad = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Refused to"))
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("/favicon.ico")) // the browser's own request, not the page's
                .filter(m -> Arrays.stream(expected).noneMatch(m::contains))
                .toList();
        assertThat(bad).as("console of " + page).isEmpty();
    }

    @Test
    void aCompletionIsReturnedResubmittedApprovedAndCounted() throws Exception {
        int year = LocalDate.now().getYear() + 9;
        long planId = launch(year, "1.公开浏览器测试事项。(责任单位:市丁局)9月底前\n2.公开另一单位的事项。(责任单位:市甲局)9月底前\n");

        // leave the previous page first: a request of it still under way could otherwise set a session again after the
        // cookies are gone, and the login form's token would belong to another session (403)
        browser.get("about:blank");
        browser.get(url("/login")); // cookies are deleted for the page's site: the session's and the language's
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        shot("00-login");
        login("ding");
        assertThat(browser.getTitle()).contains("我的任务");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("公开浏览器测试事项")));
        shot("01-my-tasks");
        link.click();
        String itemUrl = browser.getCurrentUrl();
        browser.findElement(By.id("summary")).sendKeys("已在门户网站公开");
        browser.findElement(By.id("evidence")).sendKeys("https://gov.example/evidence-1");
        shot("02-task-detail");
        // the item's process drawn by the viewer, the unit's 办理 marked as the step open now
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#process-diagram svg .djs-element.active-step[data-element-id='execute']")));
        assertThat(browser.findElements(By.cssSelector("#process-diagram svg .active-step"))).hasSize(1);
        assertThat(browser.findElement(By.id("process-legend")).getText()).isEqualTo("当前环节");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("process")));
        shot("02a-item-process");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("reports")).getText()).contains("已在门户网站公开", "https://gov.example/evidence-1");

        login("leader");
        browser.get(url("/reviews"));
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='公开浏览器测试事项']]"));
        assertThat(row.getText()).contains("已在门户网站公开");
        // 退回 without a comment: the server's refusal next to the button, the row kept for the comment
        row.findElement(By.cssSelector("button.return")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(row, By.cssSelector("td button.return + p.refusal")))
                .get(0).getText()).as("in this row (the queue holds others)").isEqualTo("退回时须填写意见 (comment)");
        shot("03a-return-refused-in-place", "status of 400", "Response Status Error Code 400");
        row.findElement(By.name("comment")).sendKeys("请补充公开链接截图");
        shot("03-review-queue");
        row.findElement(By.cssSelector("button.return")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//tr[td/a[text()='公开浏览器测试事项']]"), "已退回"));
        shot("04-returned");
        assertThat(browser.findElements(By.xpath("//body/*[normalize-space(.)='已退回']"))).as("only in the row").isEmpty();

        login("ding");
        WebElement returned = browser.findElement(By.xpath("//tr[td/a[text()='公开浏览器测试事项']]"));
        assertThat(returned.findElement(By.cssSelector(".badge.returned")).getText()).isEqualTo("已退回");
        browser.get(url("/?plan=" + planId));
        assertThat(browser.findElements(By.cssSelector("main table .badge.returned"))).as("only the returned task is marked").hasSize(1);
        shot("04b-my-tasks-returned");
        browser.get(itemUrl);
        assertThat(browser.findElement(By.id("reports")).getText()).contains("退回", "请补充公开链接截图", "市丁局");
        WebElement comment = browser.findElement(By.id("returned-comment"));
        assertThat(comment.getText()).isEqualTo("请补充公开链接截图");
        assertThat(browser.findElement(By.id("returned")).getText()).startsWith("已退回 (分管领导, ");
        assertThat(comment.getLocation().getY()).as("the reviewer's comment stands above the form")
                .isLessThan(browser.findElement(By.id("submit-form")).getLocation().getY());
        assertThat(browser.findElement(By.id("history")).getText()).as("actions and people by their words and names")
                .contains("导入", "任务生成", "提交审核", "退回", "分管领导", "系统", "市丁局");
        assertThat(browser.findElement(By.id("item-units")).getText()).isEqualTo("责任单位: 市丁局");
        shot("04c-returned-comment-above-the-form");
        browser.findElement(By.id("summary")).sendKeys("已补充公开链接截图");
        browser.findElement(By.id("evidence")).sendKeys("https://gov.example/evidence-2");
        Path screenshot = Files.writeString(Files.createTempFile("公开截图", ".txt"), "截图说明");
        browser.findElement(By.id("file")).sendKeys(screenshot.toString());
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));

        assertThat(browser.findElement(By.id("attachments")).getText()).contains("公开截图");

        login("leader");
        browser.get(itemUrl);
        browser.findElement(By.id("comment")).sendKeys("同意");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已办结"));
        shot("05-completed");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#process-diagram svg [data-element-id='itemCompleted']")));
        assertThat(browser.findElements(By.cssSelector("#process-diagram svg .active-step"))).as("a completed item has no step open").isEmpty();
        assertThat(browser.findElement(By.id("process-legend")).getText()).isEqualTo("没有进行中的环节");

        browser.get(url("/dashboard?plan=" + planId));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#by-unit canvas")));
        assertThat(browser.findElement(By.id("completed")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("items")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("on-time")).getText()).isEqualTo("100%");
        assertThat(browser.findElement(By.id("as-of")).getText()).matches("数据时间 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .*");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#by-chapter canvas")));
        shot("06-dashboard");
        browser.get(url("/plans/" + planId));
        assertThat(browser.findElement(By.id("report-docx")).getAttribute("href")).endsWith("/plans/" + planId + "/report.docx");
        assertThat(browser.findElement(By.id("ledger-xlsx")).getAttribute("href")).endsWith("/plans/" + planId + "/ledger.xlsx");
        assertThat(browser.findElements(By.id("notice-form"))).hasSize(1);

        browser.get(url("/notifications"));
        shot("07-inbox");
    }

    @Test
    void aScriptLinkIsRefusedOnThePageAndAStoredOneShowsAsText() throws Exception {
        int year = LocalDate.now().getYear() + 11;
        launch(year, "1.公开链接安全事项。(责任单位:市丁局)9月底前\n");

        login("ding");
        browser.findElement(By.linkText("公开链接安全事项")).click();
        String itemUrl = browser.getCurrentUrl();
        long itemId = Long.parseLong(itemUrl.replaceAll(".*/items/(\\d+).*", "$1"));
        login("leader");
        browser.get(itemUrl);
        browser.findElement(By.id("note")).sendKeys("请尽快报送");
        browser.findElement(By.id("note")).submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        login("ding");
        browser.get(url("/notifications"));
        WebElement read = browser.findElement(By.xpath("//tr[td[contains(., '请尽快报送')]]//button"));
        String cell = read.findElement(By.xpath("..")).getAttribute("id");
        read.click();
        wait.until(ExpectedConditions.textToBe(By.id(cell), "✓"));
        shot("15-inbox-marked-read");
        browser.get(itemUrl);
        browser.findElement(By.id("summary")).sendKeys("已在门户网站公开");
        browser.findElement(By.id("evidence")).sendKeys("javascript:alert(1)");
        assertThat(refusal(By.id("complete"))).isEqualTo("佐证链接须为 http(s) 网址: javascript:alert(1)");
        assertThat(browser.findElement(By.id("evidence")).getAttribute("value")).as("the input is kept").isEqualTo("javascript:alert(1)");
        assertThat(browser.findElement(By.id("summary")).getAttribute("value")).isEqualTo("已在门户网站公开");
        assertThat(browser.findElements(By.cssSelector("#reports td"))).as("nothing was handed in").isEmpty();
        shot("16-script-link-refused");
        browser.findElement(By.id("evidence")).clear();
        browser.findElement(By.id("evidence")).sendKeys("https://gov.example/evidence-ok");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));

        // old data: a link stored before links were checked
        jdbc.sql("update progress_report set evidence = ? where item_id = ?")
                .params("javascript:alert(document.cookie)\nhttps://gov.example/evidence-ok", itemId).update();
        login("leader");
        for (String page : List.of(itemUrl, url("/reviews"))) {
            browser.get(page);
            WebElement shown = browser.findElement(By.xpath("//a[text()='javascript:alert(document.cookie)']"));
            assertThat(shown.getDomAttribute("href")).as(page + ": shown as text, not a link").isNull();
            assertThat(browser.findElements(By.cssSelector("a[href^='javascript' i]"))).as(page).isEmpty();
            assertThat(browser.findElement(By.xpath("//a[text()='https://gov.example/evidence-ok']")).getDomAttribute("href"))
                    .isEqualTo("https://gov.example/evidence-ok");
            shot(page.endsWith("/reviews") ? "18-review-old-link-as-text" : "17-item-old-link-as-text");
        }
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='公开链接安全事项']]"));
        row.findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//tr[td/a[text()='公开链接安全事项']]"), "已通过"));
        shot("19-approved-in-place");
    }

    @Test
    void aUnitUserOpeningAnotherUnitsTaskGets403() throws Exception {
        int year = LocalDate.now().getYear() + 10;
        long planId = launch(year, "1.公开甲局自己的事项。(责任单位:市甲局)9月底前\n");
        login("jia");
        browser.findElement(By.linkText("公开甲局自己的事项")).click();
        String jiaItem = browser.getCurrentUrl();
        login("ding");
        browser.get(jiaItem);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问 (403)");
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("无权");
        shot("08-forbidden", "Failed to load resource: the server responded with a status of 403");
        login("leader");
        browser.get(url("/admin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问 (403)");
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("没有", "权限");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Forbidden");
        assertThat(browser.findElements(By.cssSelector("header nav"))).as("inside the layout").hasSize(1);
        shot("08b-forbidden-admin", "status of 403");
        browser.findElement(By.id("error-home")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
        login("admin");
        browser.get(url("/plans"));
        assertThat(browser.findElement(By.id("plan-" + planId)).getText()).contains("测试市" + year + "年政务公开工作要点");
        shot("09a-plans");
        browser.get(url("/plans/" + planId));
        shot("09-plan-preview");
        browser.get(url("/plans/import"));
        shot("10-import");

        browser.get(url("/rules?plan=" + planId));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("nothing due in the next eight weeks")
                .contains("八周内没有提醒或升级");
        browser.get(url("/rules?plan=" + planId + "&from=" + year + "-09-01"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline canvas")));
        assertThat((Long) ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom(document"
                + ".getElementById('timeline')).getOption().series.reduce((n, s) => n + s.data.length, 0)"))
                .as("the simulated events are on the chart").isPositive();
        assertThat((List<Object>) ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom(document"
                + ".getElementById('timeline')).getOption().legend[0].data")).as("the legend in words")
                .containsExactly("提醒", "升级督办", "三色变化", "延期申请");
        Thread.sleep(1500); // the points' entry animation, for the screenshot
        shot("11-rules-preview");
        browser.get(url("/rules?file=reminders.drl"));
        assertThat(browser.findElement(By.id("rules-read-only")).isDisplayed()).as("a .drl file is the operator's").isTrue();
        assertThat(browser.findElements(By.id("save-rules"))).isEmpty();
        browser.get(url("/rules?file=thresholds.drl.csv"));
        WebElement text = browser.findElement(By.id("text"));
        String table = text.getAttribute("value");
        text.clear();
        text.sendKeys(table.replace("5,DUE_SOON", "\"1); System.exit(0); //\",DUE_SOON"));
        browser.findElement(By.id("save-rules")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules-error"))).getText())
                .contains("thresholds.drl.csv", "第 10 行第 A 列", "不是整数");
        shot("12-rules-refused");
        browser.get(url("/admin"));
        assertThat(browser.findElement(By.id("units")).getText()).contains("市甲局");
        browser.findElement(By.id("new-username")).sendKeys("clerk2");
        browser.findElement(By.id("new-name")).sendKeys("第二经办人");
        browser.findElement(By.id("new-password")).sendKeys("clerk2-password");
        browser.findElement(By.id("new-role-UNIT")).click();
        browser.findElement(By.id("new-units")).sendKeys("jia");
        shot("13-admin");
        browser.findElement(By.id("add-user-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("users")).getText()).contains("clerk2", "政务公开办", "单位经办人", "市甲局");
        WebElement added = browser.findElement(By.xpath("//table[@id='audit']//tr[td[text()='新增用户']]"));
        assertThat(added.getText()).as("the audit log in words: who, what, field: before → after")
                .contains("公开办", "用户 第二经办人", "姓名: → 第二经办人", "角色: → 单位经办人", "单位: → 市甲局")
                .doesNotContain("{", "\"");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", added);
        shot("13a-admin-audit");
        // the State Council's holiday notice pasted and previewed day by day (not imported: this test's calendar stays)
        String notice = new String(getClass().getResourceAsStream("/notices/2027.txt").readAllBytes(), StandardCharsets.UTF_8);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("notice-text")), notice);
        browser.findElement(By.id("notice-preview")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-days")))
                .findElements(By.cssSelector("tr td:first-child"))).hasSize(33);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("notice-result")));
        shot("13b-holiday-notice");
        browser.get(url("/lookback/" + planId));
        shot("14-lookback");
        login("ops"); // Camunda's web apps run code: the operator's
        browser.get(url("/camunda/app/cockpit/default/"));
        wait.until(ExpectedConditions.titleContains("Cockpit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ul[cam-if-logged-in] > li.ng-scope")));
        shot("14b-cockpit");
        // Cockpit draws every process from its diagram (BPMNDI): a shape for each of its flow nodes
        for (org.camunda.bpm.engine.repository.ProcessDefinition definition : repository.createProcessDefinitionQuery()
                .latestVersion().orderByProcessDefinitionKey().asc().list()) {
            browser.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition.getId() + "/runtime"));
            List<String> nodes = repository.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
                    .map(org.camunda.bpm.model.bpmn.instance.FlowNode::getId).toList();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".djs-container svg [data-element-id='" + nodes.get(0) + "']")));
            for (String node : nodes) {
                assertThat(browser.findElements(By.cssSelector(".djs-container svg .djs-shape[data-element-id='" + node + "']")))
                        .as("%s: %s drawn", definition.getKey(), node).isNotEmpty();
            }
            shot("14b-cockpit-" + definition.getKey());
        }
        login("clerk2", "clerk2-password");
        assertThat(browser.findElement(By.linkText("公开甲局自己的事项")).isDisplayed()).as("the new user sees its unit's task").isTrue();
        // the new user sets a password of their own on 我的账户 (the name in the header)
        browser.findElement(By.cssSelector("header a.me")).click();
        browser.findElement(By.id("current-password")).sendKeys("clerk2-password");
        browser.findElement(By.id("new-password")).sendKeys("my-own-secret");
        browser.findElement(By.id("repeat-password")).sendKeys("my-own-secre");
        browser.findElement(By.id("change-password-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error"))).getText())
                .isEqualTo("两次输入的新密码不一致");
        shot("14c-account-refused", "/account/password - Failed to load resource: the server responded with a status of 400");
        browser.findElement(By.id("current-password")).sendKeys("clerk2-password");
        browser.findElement(By.id("new-password")).sendKeys("my-own-secret");
        browser.findElement(By.id("repeat-password")).sendKeys("my-own-secret");
        browser.findElement(By.id("change-password-submit")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash"))).getText()).isEqualTo("密码已修改");
        assertThat(browser.findElement(By.id("account")).getText()).contains("单位经办人", "市甲局");
        shot("14d-account");
        login("clerk2", "my-own-secret");
        browser.get(url("/rules"));
        assertThat(browser.getPageSource()).as("the office's pages are the office's").doesNotContain("save-rules");
        consoleIsClean("the last pages", "/rules - Failed to load resource: the server responded with a status of 403");
    }

    /** Clicks a form's button and returns the refusal shown in place of the page. */
    private static String refusal(By button) {
        browser.findElement(button).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText();
    }

    /** The item rows of the preview, in order. */
    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#items tr.item"));
    }

    private static WebElement row(String text) {
        return rows().stream().filter(r -> r.findElement(By.name("text")).getDomProperty("value").contains(text))
                .findFirst().orElseThrow(() -> new AssertionError("no row with " + text));
    }

    /** The preview's rows as "path text". */
    private static List<String> preview() {
        return rows().stream().map(r -> r.findElement(By.className("path")).getText() + " "
                + r.findElement(By.name("text")).getDomProperty("value")).toList();
    }

    /** Clicks a button that swaps the whole preview and waits for the new one. */
    private static void change(WebElement button) {
        WebElement old = browser.findElement(By.id("items"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(old));
    }

    @Test
    void theOfficeCorrectsThePreviewInPlaceAndLaunches() throws Exception {
        int year = LocalDate.now().getYear() + 16;
        String plan = "测试市" + year + "年政务公开工作要点\n一、深化政策公开\n1.公开预览测试事项。(责任单位:市甲局)9月底前\n"
                + "2.公开待拆分事项。二是公开拆分后的事项。(责任单位:市乙局、县教育局)10月底前\n"
                + "3.公开待删除事项。(责任单位:市甲局)10月底前\n二、加强解读回应\n4.做好待移动事项。(责任单位:市丁局)年底前\n";
        login("admin");
        browser.get(url("/plans/import"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("text")), plan);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        assertThat(browser.findElements(By.cssSelector("#items tr.chapter")).stream().map(WebElement::getText))
                .containsExactly("一、深化政策公开", "二、加强解读回应");
        assertThat(preview()).as("headings are rows of their own, not glued onto the items").containsExactly(
                "一/1 公开预览测试事项。", "一/2 公开待拆分事项。二是公开拆分后的事项。", "一/3 公开待删除事项。", "二/4 做好待移动事项。");
        WebElement kind = browser.findElement(By.cssSelector("#warnings details.warning-kind summary"));
        assertThat(kind.getText()).isEqualTo("单位未能识别 (1)");
        kind.click();
        assertThat(browser.findElement(By.cssSelector("#warnings details li")).getText()).isEqualTo("事项 一/2: 单位未能识别: 县教育局");
        shot("20-preview");

        // the text and the lead unit corrected in place: the row stays where it was
        WebElement first = rows().get(0);
        String id = first.getAttribute("id");
        first.findElement(By.name("text")).clear();
        first.findElement(By.name("text")).sendKeys("公开预览测试事项(已更正)。");
        first.findElement(By.name("leadUnits")).sendKeys("市丙局");
        first.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.stalenessOf(first));
        assertThat(rows()).hasSize(4);
        assertThat(rows().get(0).getAttribute("id")).isEqualTo(id);
        assertThat(rows().get(0).findElement(By.name("leadUnits")).getDomProperty("value")).isEqualTo("市丙局");
        assertThat(preview().get(0)).isEqualTo("一/1 公开预览测试事项(已更正)。");
        assertThat(rows().get(0).findElement(By.cssSelector("td.deadline")).getText()).as("the deadline as read, confirmed unchanged")
                .contains("9月底前");
        shot("21-preview-row-saved");

        // a refused correction: the reason in the row, the input kept
        WebElement second = row("公开待拆分事项");
        second.findElement(By.name("responsibleUnits")).clear();
        second.findElement(By.name("responsibleUnits")).sendKeys("市乙局、区档案馆");
        new org.openqa.selenium.support.ui.Select(second.findElement(By.name("deadline"))).selectByValue("RECURRING");
        second.findElement(By.cssSelector("button.save")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + second.getAttribute("id")
                + " .row-error"))).getText()).contains("frequency");
        assertThat(second.findElement(By.name("responsibleUnits")).getDomProperty("value")).isEqualTo("市乙局、区档案馆");
        shot("22-preview-refused-in-place", "status of 400");
        new org.openqa.selenium.support.ui.Select(second.findElement(By.name("frequency"))).selectByValue("QUARTERLY");
        second.findElement(By.cssSelector("button.save")).click();
        wait.until(ExpectedConditions.stalenessOf(second));
        assertThat(browser.findElement(By.id("warnings")).getText()).as("the warnings follow the correction")
                .contains("单位未能识别 (1)");
        browser.findElement(By.cssSelector("#warnings details summary")).click();
        assertThat(browser.findElement(By.cssSelector("#warnings details li")).getText()).isEqualTo("事项 一/2: 单位未能识别: 区档案馆");

        // split at the caret, delete, move; a split with the caret at the start is refused in place
        WebElement text = row("公开待拆分事项").findElement(By.name("text"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus(); arguments[0].setSelectionRange(0, 0)", text);
        change(row("公开待拆分事项").findElement(By.cssSelector("button.split")));
        assertThat(browser.findElement(By.id("preview-error")).getText()).startsWith("拆分位置 (at) 须在 1 与");
        assertThat(rows()).hasSize(4);
        text = row("公开待拆分事项").findElement(By.name("text"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1])",
                text, text.getDomProperty("value").indexOf("二是"));
        change(row("公开待拆分事项").findElement(By.cssSelector("button.split")));
        assertThat(preview()).containsExactly("一/1 公开预览测试事项(已更正)。", "一/2 公开待拆分事项。", "一/3 二是公开拆分后的事项。",
                "一/4 公开待删除事项。", "二/5 做好待移动事项。");
        assertThat(row("二是公开拆分后的事项").findElement(By.name("responsibleUnits")).getDomProperty("value"))
                .as("units copied").isEqualTo("市乙局、区档案馆");
        WebElement old = browser.findElement(By.id("items"));
        row("公开待删除事项").findElement(By.cssSelector("button.delete")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.stalenessOf(old));
        WebElement moving = row("做好待移动事项");
        new org.openqa.selenium.support.ui.Select(moving.findElement(By.name("chapter"))).selectByValue("一");
        change(moving.findElement(By.cssSelector("button.move")));
        assertThat(preview()).containsExactly("一/1 公开预览测试事项(已更正)。", "一/2 公开待拆分事项。", "一/3 二是公开拆分后的事项。",
                "一/4 做好待移动事项。");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("add-position")))
                .selectByVisibleText("事项 一/1 之后");
        browser.findElement(By.id("add-text")).sendKeys("公开新增的事项。");
        browser.findElement(By.id("add-responsible")).sendKeys("市甲局");
        change(browser.findElement(By.id("add-submit")));
        assertThat(preview()).containsExactly("一/1 公开预览测试事项(已更正)。", "一/2 公开新增的事项。", "一/3 公开待拆分事项。",
                "一/4 二是公开拆分后的事项。", "一/5 做好待移动事项。");
        shot("23-preview-split-deleted-moved-added", "status of 400");

        browser.findElement(By.id("launch")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElements(By.cssSelector("#items tr.item td.path")).stream().map(WebElement::getText))
                .containsExactly("一/1", "一/2", "一/3", "一/4", "一/5");
        assertThat(browser.findElement(By.id("items")).getText()).contains("公开预览测试事项(已更正)", "市丙局", "区档案馆");
        assertThat(browser.findElements(By.name("text"))).as("launched: no more corrections here").isEmpty();
        shot("24-preview-launched");

        // 交办确认: 区档案馆 is no unit of the directory, so the office confirms the item's units on its page
        browser.get(url("/"));
        browser.findElement(By.partialLinkText("二是公开拆分后的事项")).click();
        assertThat(browser.findElement(By.xpath("//form[@id='assign-form']/../h2")).getText()).isEqualTo("交办确认");
        Select responsible = new Select(browser.findElement(By.id("responsibleUnits")));
        assertThat(responsible.getAllSelectedOptions().stream().map(WebElement::getText)).as("the known unit chosen")
                .containsExactly("市乙局");
        assertThat(browser.findElement(By.id("assign-due")).getDomProperty("value")).isEqualTo(year + "-12-31"); // the row was made quarterly above
        responsible.deselectAll();
        assertThat(refusal(By.id("assign"))).startsWith("请至少指定一个牵头单位");
        assertThat(new Select(browser.findElement(By.id("responsibleUnits"))).getAllSelectedOptions()).as("the input kept").isEmpty();
        shot("25-assign-refused-in-place", "status of 400");
        responsible = new Select(browser.findElement(By.id("responsibleUnits")));
        responsible.selectByVisibleText("市乙局");
        responsible.selectByVisibleText("市丁局");
        new Select(browser.findElement(By.id("cooperatingUnits"))).selectByVisibleText("市甲局");
        shot("26-assign");
        browser.findElement(By.id("assign")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("item-units")).getText()).isEqualTo("责任单位: 市丁局、市乙局 配合单位: 市甲局"); // in the directory's order
        assertThat(browser.findElement(By.id("history")).getText()).contains("交办确认");
        // the office now holds both units' work on the item: it chooses which to act on
        List<WebElement> choice = browser.findElements(By.cssSelector("#task-choice li"));
        assertThat(choice.stream().map(WebElement::getText)).containsExactlyInAnyOrder("办理 · 市乙局", "办理 · 市丁局");
        shot("27-assigned-office-chooses-a-task");
        WebElement other = browser.findElement(By.cssSelector("#task-choice li a"));
        String chosen = other.getText();
        other.click();
        assertThat(browser.findElement(By.cssSelector("#task-choice [aria-current]")).getText()).isEqualTo(chosen);
        browser.findElement(By.id("summary")).sendKeys("由公开办代为报送");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        String unit = chosen.substring(chosen.indexOf("市"));
        assertThat(browser.findElement(By.id("reports")).getText()).as("handed in for the unit chosen")
                .contains("由公开办代为报送", unit);
        assertThat(browser.findElements(By.cssSelector("#task-choice li")).stream().map(WebElement::getText))
                .as("the chosen unit's work now awaits review").contains("审核 · " + unit).doesNotContain(chosen);
        shot("28-handed-in-for-the-chosen-unit");
    }

    @Test
    void aSupervisorSupervisesAnEscalatedItemOnItsPage() throws Exception {
        int year = LocalDate.now().getYear() + 1; // the earliest plan of this test class: the sweep below touches no other
        launch(year, "1.公开督办测试事项。(责任单位:市庚局)9月底前\n");
        LocalDate overdue = LocalDate.of(year, 10, 1);
        while (!calendar.isWorkingDay(overdue)) {
            overdue = overdue.plusDays(1);
        }
        // the other tests' units have not signed for their tasks: signed here, so that the sweep escalates by due dates
        jdbc.sql("update open_task set signed_by = 'system', signed_at = current_timestamp where signed_by is null").update();
        sweep.run(overdue);
        assertThat(jdbc.sql("select count(*) from escalation e join item i on i.id = e.item_id join plan p on p.id = i.plan_id "
                + "where p.plan_year = ? and i.text like '公开督办测试事项%'").param(year).query(Integer.class).single())
                .as("this item escalated once").isEqualTo(1);

        login("leader");
        browser.findElement(By.linkText("公开督办测试事项")).click();
        assertThat(browser.findElement(By.id("supervise-form")).isDisplayed()).isTrue();
        browser.findElement(By.id("supervise-comment")).sendKeys("已约谈单位负责人");
        shot("30-supervise");
        browser.findElement(By.id("supervise")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElements(By.id("supervise-form"))).as("done").isEmpty();
        assertThat(browser.findElement(By.id("history")).getText()).contains("督办", "分管领导", "已约谈单位负责人");
        shot("31-supervised");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("urge-task"))).selectByVisibleText("办理 · 市庚局");
        browser.findElement(By.id("note")).sendKeys("请本周内报送");
        browser.findElement(By.cssSelector("#urge-form button")).click();
        // the page comes back with the urge in its history (the supervision's flash is on the page until it does)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "请本周内报送"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("催办", "请本周内报送");
        browser.findElement(By.cssSelector("#urge-form button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("urge-error"))).getText()).contains("一小时内已催办过");
        shot("31a-urged-twice-refused-in-place");
    }

    /** A unit's task of the plan at a step, completed by the user as the task page would. */
    private void complete(String username, long planId, cn.duban.workflow.Step step, String unit,
                          cn.duban.workflow.TaskCompletion body) {
        cn.duban.org.UserAccount user = directory.user(username).orElseThrow();
        String task = tasks.list(user, planId, step, unit).get(0).id();
        tasks.complete(task, body, user);
    }

    @Test
    void theDashboardRanksTheUnitsWithEveryPointExplained() throws Exception {
        int year = LocalDate.now().getYear() + 38;
        long planId = launch(year, "1.公开考评测试事项。(责任单位:市丙局)9月底前\n2.公开另一考评事项。(责任单位:市丁局)9月底前\n");
        cn.duban.workflow.TaskCompletion done = cn.duban.workflow.TaskCompletion.report("已公开", 100);
        complete("bing", planId, cn.duban.workflow.Step.EXECUTE, "bing", done);
        complete("leader", planId, cn.duban.workflow.Step.REVIEW, "bing", cn.duban.workflow.TaskCompletion.decision("APPROVE", "同意"));
        complete("ding", planId, cn.duban.workflow.Step.EXECUTE, "ding", done);
        complete("leader", planId, cn.duban.workflow.Step.REVIEW, "ding", cn.duban.workflow.TaskCompletion.decision("RETURN", "不完整"));

        login("admin");
        browser.get(url("/dashboard?plan=" + planId));
        List<WebElement> rows = browser.findElements(By.cssSelector("#ranking tr[data-unit]"));
        assertThat(rows.stream().map(r -> r.getDomAttribute("data-unit")).toList()).as("best first").containsExactly("bing", "ding");
        assertThat(rows.get(0).getText()).startsWith("1").contains("市丙局");
        WebElement details = rows.get(1).findElement(By.tagName("details"));
        assertThat(details.getDomAttribute("open")).as("the explanation folded").isNull();
        details.findElement(By.tagName("summary")).click();
        assertThat(details.getText()).contains("基础分", "被退回 1 × ");
        assertThat(rows.get(0).findElement(By.tagName("details")).getText()).doesNotContain("被退回");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('ranking').scrollIntoView()");
        shot("32-dashboard-ranking");

        login("ding");
        browser.get(url("/dashboard?plan=" + planId));
        assertThat(browser.findElements(By.cssSelector("#ranking tr[data-unit]")).stream().map(r -> r.getDomAttribute("data-unit")))
                .as("a unit sees its own score").containsExactly("ding");
        shot("33-dashboard-ranking-unit");
    }

    @Test
    void aSupervisorsInstructionStandsAtTheTopAndTheUnitAnswersIt() throws Exception {
        long planId = launch(LocalDate.now().getYear() + 51, "1.公开批示测试事项。(责任单位:市丙局、市乙局)9月底前\n");
        long item = jdbc.sql("select id from item where plan_id = ?").param(planId).query(Long.class).single();

        login("leader");
        browser.get(url("/items/" + item));
        browser.findElement(By.id("instruction-text")).sendKeys("请于本月底前公开资金使用明细<b>并报送</b>");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("instruction-unit"))).selectByVisibleText("市丙局");
        shot("37-instruction");
        browser.findElement(By.id("instruct")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("instructions")).getText()).contains("分管领导", "市丙局", "请于本月底前公开资金使用明细<b>并报送</b>", "待落实");
        assertThat(browser.findElement(By.id("history")).getText()).contains("领导批示");
        shot("38-instructed");

        login("bing");
        browser.get(url("/notifications"));
        assertThat(browser.findElement(By.id("notifications")).getText()).contains("【领导批示】", "公开批示测试事项");
        browser.get(url("/"));
        browser.findElement(By.linkText("公开批示测试事项")).click();
        List<WebElement> cards = browser.findElements(By.cssSelector("main > .card, main > section.card"));
        assertThat(cards.get(0).getAttribute("id")).as("the instruction above the rest").isEqualTo("instructions");
        assertThat(browser.findElement(By.id("open-instructions")).getText()).contains("请于本月底前公开资金使用明细<b>并报送</b>");
        browser.findElement(By.id("summary")).sendKeys("已在门户网站公开");
        browser.findElement(By.id("instruction-answer")).sendKeys("已按批示公开资金使用明细");
        shot("39-instruction-to-answer");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("instructions")).getText()).contains("已落实", "已按批示公开资金使用明细");
        assertThat(browser.findElement(By.id("history")).getText()).contains("批示落实", "已按批示公开资金使用明细");
        shot("40-instruction-answered");

        login("yi");
        browser.findElement(By.linkText("公开批示测试事项")).click();
        assertThat(browser.findElements(By.id("instructions"))).as("not the sibling's").isEmpty();
        assertThat(browser.findElements(By.id("instruction-answer"))).isEmpty();
    }

    @Test
    void aUnitSignsForItsTasksOnTheListAndOnTheItemPage() throws Exception {
        int year = LocalDate.now().getYear() + 53;
        launch(year, "1.公开签收浏览器测试事项。(责任单位:市丑局)9月底前\n2.公开签收详情页测试事项。(责任单位:市丑局)9月底前\n");
        login("chou");
        WebElement row = browser.findElement(By.xpath("//table[@id='unsigned']//tr[.//a[contains(., '公开签收浏览器测试事项')]]"));
        assertThat(browser.findElement(By.id("unsigned-title")).getText()).isEqualTo("待签收");
        shot("40-my-tasks-to-sign");
        row.findElement(By.cssSelector("button.sign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
        assertThat(browser.findElement(By.id("tasks")).getText()).as("in progress once signed").contains("公开签收浏览器测试事项");
        assertThat(browser.findElement(By.id("unsigned")).getText()).doesNotContain("公开签收浏览器测试事项")
                .contains("公开签收详情页测试事项");
        shot("41-my-tasks-signed");

        browser.findElement(By.partialLinkText("公开签收详情页测试事项")).click();
        assertThat(browser.findElement(By.id("signing")).getText()).contains("尚未签收");
        browser.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed")));
        assertThat(browser.findElements(By.id("sign"))).isEmpty();
        assertThat(browser.findElement(By.id("history")).getText()).contains("签收");
        shot("42-item-signed");
    }

    @Test
    void aUnitAsksForAnExtensionOnTheItemPageAndASupervisorApprovesIt() throws Exception {
        int year = LocalDate.now().getYear() + 61;
        long planId = launch(year, "1.公开延期浏览器测试事项。(责任单位:市丙局、市乙局)9月底前\n");
        long item = jdbc.sql("select id from item where plan_id = ?").param(planId).query(Long.class).single();
        login("bing");
        browser.get(url("/items/" + item));
        browser.findElement(By.cssSelector("#extension-ask summary")).click();
        browser.findElement(By.id("extension-reason")).sendKeys("需等待上级部门批复");
        browser.findElement(By.id("extension-submit")).click(); // no date: the browser asks for one
        assertThat(browser.findElements(By.className("flash"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extension-due').value = arguments[0]",
                year + "-09-01");
        browser.findElement(By.id("extension-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("extension-error")));
        assertThat(browser.findElement(By.id("extension-error")).getText()).contains("须晚于现期限");
        assertThat(browser.findElement(By.id("extension-reason")).getAttribute("value")).as("kept").isEqualTo("需等待上级部门批复");
        shot("43-extension-refused-in-place");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('extension-due').value = arguments[0]",
                year + "-10-31");
        browser.findElement(By.id("extension-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("extensions")).getText()).contains("市丙局", year + "-09-30", year + "-10-31",
                "需等待上级部门批复", "待审批");
        assertThat(browser.findElement(By.id("extension-pending")).getText()).contains("审批中");
        shot("44-extension-asked");

        login("leader");
        browser.get(url("/items/" + item));
        assertThat(browser.findElement(By.id("extension-request")).getText()).contains("市丙局", year + "-09-30",
                year + "-10-31", "需等待上级部门批复");
        browser.findElement(By.id("extend-comment")).sendKeys("同意延期");
        shot("45-extension-to-decide");
        browser.findElement(By.id("extension-approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("extensions")).getText()).contains("已批准", "同意延期");
        assertThat(browser.findElement(By.id("extended-dues")).getText())
                .contains("市丙局: " + year + "-09-30 → " + year + "-10-31 (延期)");
        assertThat(browser.findElement(By.id("history")).getText()).contains("申请延期", "批准延期");
        shot("46-extension-approved");

        login("yi");
        browser.get(url("/items/" + item));
        assertThat(browser.findElements(By.id("extensions"))).as("not the sibling's").isEmpty();
    }

    @Test
    void aReviewLeftWaitingIsRemindedThenEscalatedToTheSupervisors() throws Exception {
        long planId = launch(LocalDate.now().getYear() + 63, "1.公开待办超期测试事项。(责任单位:市子局)9月底前\n");
        complete("zi", planId, cn.duban.workflow.Step.EXECUTE, "zi", cn.duban.workflow.TaskCompletion.report("已公开", 100));
        // the review opened five working days before the next working day (the sweeps below touch no other test's work:
        // theirs opened today, and nothing of their future plan years is due)
        LocalDate day = calendar.nextWorkingDay(LocalDate.now());
        LocalDate opened = day;
        for (int n = 0; n < 5; n++) {
            do {
                opened = opened.minusDays(1);
            } while (!calendar.isWorkingDay(opened));
        }
        long item = jdbc.sql("select id from item where plan_id = ?").param(planId).query(Long.class).single();
        jdbc.sql("update open_task set opened_on = ? where item_id = ? and step = 'REVIEW'").params(opened, item).update();
        LocalDate third = opened;
        for (int n = 0; n < 3; n++) {
            third = calendar.nextWorkingDay(third.plusDays(1));
        }
        sweep.run(third); // rules/queue.drl.csv: REVIEW reminded after 3 working days
        sweep.run(day); // ... escalated after 5

        login("leader");
        browser.get(url("/notifications"));
        String notices = browser.findElement(By.id("notifications")).getText();
        assertThat(notices).contains("【待办超期】", "审核超期", "公开待办超期测试事项", "分管领导 (审核)")
                .as("the server's messages are Chinese whatever its locale").doesNotContain("Supervisor");
        assertThat(notices.split("【一级督办", -1)).as("one notice of the escalation").hasSize(2);
        shot("58a-review-waiting-notified");
        browser.get(url("/items/" + item));
        assertThat(browser.findElement(By.id("history")).getText()).contains("升级督办", "审核超期");
        browser.findElement(By.id("comment")).sendKeys("同意");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结");
        shot("58b-waiting-review-done");
    }

    @Test
    void aBureauSplitsItsTaskAndApprovesItsChildsPart() throws Exception {
        int year = LocalDate.now().getYear() + 47;
        long planId = launch(year, "1.公开分解浏览器测试事项。(责任单位:市甲局)9月30日前\n");
        login("jia");
        browser.findElement(By.partialLinkText("公开分解浏览器测试事项")).click();
        WebElement due = browser.findElement(By.id("split-due-jia-ke1"));
        assertThat(due.getDomAttribute("max")).isEqualTo(year + "-09-30");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", due, year + "-09-10");
        browser.findElement(By.id("split-note-jia-ke1")).sendKeys("起草公开清单");
        shot("53-split");
        browser.findElement(By.id("split-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("sub-tasks")).getText()).contains("市甲局办公室", year + "-09-10", "起草公开清单", "办理中")
                .doesNotContain("市甲局法规科");
        assertThat(browser.findElement(By.id("history")).getText()).contains("分解", "市甲局办公室");
        assertThat(browser.findElements(By.id("split-due-jia-ke1"))).as("a part open already").isEmpty();
        assertThat(browser.findElements(By.id("split-due-jia-ke2"))).hasSize(1);
        shot("54-split-done");

        login("jia-ke1");
        browser.findElement(By.partialLinkText("公开分解浏览器测试事项")).click();
        assertThat(browser.findElements(By.id("split"))).as("a 科室 without children of its own").isEmpty();
        browser.findElement(By.id("summary")).sendKeys("清单已起草");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        shot("55-child-handed-in");

        login("jia");
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("上级单位审核");
        shot("56-bureau-tasks");
        cn.duban.org.UserAccount jia = directory.user("jia").orElseThrow();
        cn.duban.workflow.OpenTasks.TaskView review = tasks.list(jia, planId, cn.duban.workflow.Step.SUB_REVIEW, null).get(0);
        browser.get(url("/items/" + review.itemId() + "?task=" + review.id()));
        assertThat(browser.findElement(By.id("reports")).getText()).contains("市甲局办公室", "清单已起草");
        browser.findElement(By.id("comment")).sendKeys("同意");
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElement(By.id("sub-tasks")).getText()).contains("已通过");
        assertThat(browser.findElement(By.id("history")).getText()).contains("上级单位审核", "审核通过");
        shot("57-bureau-approved");

        browser.findElement(By.id("summary")).sendKeys("汇总报送");
        org.openqa.selenium.WebElement approvedFlash = browser.findElement(By.className("flash"));
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.stalenessOf(approvedFlash)); // the approval's flash goes with its page
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        complete("leader", planId, cn.duban.workflow.Step.REVIEW, "jia", cn.duban.workflow.TaskCompletion.decision("APPROVE", "同意"));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已办结");
        shot("58-item-completed");
    }

    @Test
    void thePagesReadInEnglish() throws Exception {
        long planId = launch(LocalDate.now().getYear() + 21, "1.公开英文页面测试事项。(责任单位:市丙局)9月底前\n");
        login("admin");
        for (String page : List.of("/", "/plans", "/plans/" + planId, "/dashboard?plan=" + planId, "/admin", "/rules")) {
            browser.get(url(page + (page.contains("?") ? "&" : "?") + "lang=en"));
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            shot("en" + page.replaceAll("[/?=&]+", "-").replaceAll("-$", ""));
        }
        browser.get(url("/plans/" + planId));
        browser.findElement(By.partialLinkText("公开英文页面测试事项")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Item 1");
        shot("en-item");
    }

    @Test
    void lastYearsItemIsExplainedAndVerifiedOnItsPage() throws Exception {
        int year = LocalDate.now().getYear() + 20;
        List<String> items = List.of("公开回头看测试事项。(责任单位:市辛局)6月底前", "推进回头看新年度事项。(责任单位:市壬局)年底前");
        for (int i = 0; i < 2; i++) { // the same organ's plans of two years
            String plan = "测试区人民政府办公室关于印发测试区" + (year + i) + "年政务公开工作要点的通知\n测试区" + (year + i)
                    + "年政务公开工作要点\n一、公开\n1." + items.get(i) + "\n";
            plans.launch(plans.importPlan(plan.getBytes(StandardCharsets.UTF_8), "p.txt", null, "admin").planId(), "admin");
        }

        login("xin"); // last year's work is still open too: the 整改说明 row of 我的任务 opens its own form
        browser.findElement(By.xpath("//tr[td[text()='整改说明']]//a[text()='公开回头看测试事项']")).click();
        assertThat(browser.findElement(By.id("task-choice")).getText()).contains("办理 · 市辛局", "整改说明 · 市辛局");
        assertThat(browser.findElement(By.id("lookback-case")).getText()).contains("未办结");
        browser.findElement(By.id("rectify-summary")).sendKeys("因系统改版, 未按时公开");
        browser.findElement(By.id("rectification")).sendKeys("下一季度内完成公开");
        assertThat(refusal(By.id("rectify"))).isEqualTo("整改计划须有整改时限 (due)");
        assertThat(browser.findElement(By.id("rectification")).getDomProperty("value")).as("the input kept").isEqualTo("下一季度内完成公开");
        shot("32-rectify-refused-in-place", "status of 400");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("rectify-due")), (year + 1) + "-03-31");
        shot("33-rectify");
        browser.findElement(By.id("rectify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElements(By.id("rectify-form"))).as("explained").isEmpty();

        login("leader");
        browser.findElement(By.linkText("公开回头看测试事项")).click();
        assertThat(browser.findElement(By.id("case-explanation")).getText()).isEqualTo("因系统改版, 未按时公开");
        assertThat(browser.findElement(By.id("lookback-case")).getText()).contains("下一季度内完成公开", (year + 1) + "-03-31");
        browser.findElement(By.id("verify-comment")).sendKeys("转入本年度整改");
        shot("34-verify");
        browser.findElement(By.id("verify-rectify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("flash")));
        assertThat(browser.findElements(By.id("verify-form"))).as("verified").isEmpty();
        shot("35-verified");

        login("xin");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("carried into this year's work")
                .contains("回头看整改", "公开回头看测试事项");
        shot("36-rectification-in-my-tasks");
    }
}
