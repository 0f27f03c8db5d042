package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import cn.duban.plan.parse.GeneratedPlans.Plan;
import cn.duban.plan.parse.GeneratedPlans.Task;
import cn.duban.plan.parse.PdfAndDocTest.Rule;
import cn.duban.plan.parse.PdfAndDocTest.Text;

/**
 * The plans of {@link GeneratedPlans} rendered into the documents offices upload (Word tables with merged cells,
 * Word paragraphs numbered by hand and by Word's list numbering, an Excel sheet with merged cells and date cells,
 * web pages with a table or paragraphs inside a site's chrome, PDFs drawn with a ruled table over pages or with
 * paragraphs, the prose as plain text): each upload parses back into its plan. {@link TableLayoutsTest} renders the
 * same plans as copied text.
 */
class PlanRenderingsTest {

    /** A rendering of a plan into an upload's bytes; {@code chaptered} when it shows the chapters. */
    record Rendering(Plan plan, String name, Render render, boolean chaptered) {
        @Override
        public String toString() {
            return plan + ": " + name;
        }
    }

    interface Render {
        byte[] apply(Plan plan) throws IOException;
    }

    static Stream<Rendering> renderings() {
        return GeneratedPlans.ALL.stream().flatMap(plan -> Stream.of(
                new Rendering(plan, "docx table, group cells merged down (vMerge)", PlanRenderingsTest::docxGroupedTable, true),
                new Rendering(plan, "docx table, chapter rows merged across (gridSpan), equal lead cells merged down",
                        PlanRenderingsTest::docxChapterRowTable, true),
                new Rendering(plan, "docx paragraphs numbered in the text", PlanRenderingsTest::docxParagraphs, true),
                new Rendering(plan, "docx paragraphs in Word lists (numbers not in the text)", PlanRenderingsTest::docxListParagraphs, true),
                new Rendering(plan, "xlsx, merged title and group cells, date cells", PlanRenderingsTest::xlsx, true),
                new Rendering(plan, "html table with rowspan and colspan inside site chrome", PlanRenderingsTest::htmlTable, true),
                new Rendering(plan, "html paragraphs inside site chrome", PlanRenderingsTest::htmlParagraphs, true),
                new Rendering(plan, "pdf, ruled table over pages, running header and page numbers", PlanRenderingsTest::pdfTable, true),
                new Rendering(plan, "pdf paragraphs over pages, running header and page numbers", PlanRenderingsTest::pdfParagraphs, true),
                new Rendering(plan, "text prose with unit parentheticals",
                        p -> String.join("\n", prose(p)).getBytes(StandardCharsets.UTF_8), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyUploadParsesBackIntoItsPlan(Rendering rendering) throws IOException {
        byte[] upload = rendering.render().apply(rendering.plan());
        ParsedPlan parsed = PlanParser.parse(upload, null);
        GeneratedPlans.assertParsedAs(parsed, rendering.plan(), rendering.name(), rendering.chaptered());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.duban.plan.parse.GeneratedPlans#plans")
    void thePdfTableRunsOverAPageBreak(Plan plan) throws IOException {
        assertThat(PdfAndDocTest.pages(pdfTable(plan))).isGreaterThanOrEqualTo(2);
    }

    // ---- prose ----------------------------------------------------------------------------------------------------

    /** An item as a paragraph prints it, without its number: text (牵头单位:…;责任单位:…;配合单位:…)deadline. */
    static String paragraph(Task t) {
        List<String> units = new ArrayList<>();
        if (!t.lead().isEmpty()) {
            units.add("牵头单位:" + t.lead().printed());
        }
        if (!t.responsible().isEmpty()) {
            units.add("责任单位:" + t.responsible().printed());
        }
        if (!t.cooperating().isEmpty()) {
            units.add("配合单位:" + t.cooperating().printed());
        }
        return t.text() + "(" + String.join(";", units) + ")" + t.deadlineCell();
    }

    /** The plan as numbered paragraphs: title, chapter headings (一、…), items (1.…). */
    static List<String> prose(Plan plan) {
        List<String> lines = new ArrayList<>(List.of(plan.title()));
        String chapter = null;
        for (Task t : plan.tasks()) {
            if (!t.chapter().equals(chapter)) {
                chapter = t.chapter();
                lines.add(chapter);
            }
            lines.add(t.number() + "." + paragraph(t));
        }
        return lines;
    }

    // ---- Word ----------------------------------------------------------------------------------------------------

    private static final List<String> WORD_HEADER = List.of("工作类别", "序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限");

    /** The cells of a task in the order of the tables' columns after the group column. */
    private static List<String> cells(Task t) {
        return List.of(String.valueOf(t.number()), t.text(), t.lead().printed(), t.responsible().printed(),
                t.cooperating().printed(), t.deadlineCell());
    }

    private static byte[] write(XWPFDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A title paragraph and a table whose first column holds the chapter, merged down over its tasks. */
    static byte[] docxGroupedTable(Plan plan) throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText(plan.title());
        List<Task> tasks = plan.tasks();
        XWPFTable table = doc.createTable(tasks.size() + 1, WORD_HEADER.size());
        fill(table.getRow(0), 0, WORD_HEADER);
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            XWPFTableRow row = table.getRow(k + 1);
            boolean first = k == 0 || !tasks.get(k - 1).chapter().equals(t.chapter());
            boolean continues = k + 1 < tasks.size() && tasks.get(k + 1).chapter().equals(t.chapter());
            row.getCell(0).setText(first ? t.chapter() : "");
            if (!first || continues) {
                FormatFixturesTest.merge(row.getCell(0), first ? STMerge.RESTART : STMerge.CONTINUE);
            }
            fill(row, 1, cells(t));
        }
        return write(doc);
    }

    /**
     * A table whose chapters are rows of one cell spanning the columns (gridSpan), the task rows under them, a lead
     * cell merged down over the following rows with the same lead unit.
     */
    static byte[] docxChapterRowTable(Plan plan) throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText(plan.title());
        List<String> header = WORD_HEADER.subList(1, WORD_HEADER.size());
        XWPFTable table = doc.createTable(1, header.size());
        fill(table.getRow(0), 0, header);
        String chapter = null;
        Task above = null;
        for (Task t : plan.tasks()) {
            if (!t.chapter().equals(chapter)) {
                chapter = t.chapter();
                XWPFTableRow row = table.createRow();
                while (row.getTableCells().size() > 1) {
                    row.removeCell(1);
                }
                row.getCell(0).setText(chapter);
                var pr = row.getCell(0).getCTTc().isSetTcPr() ? row.getCell(0).getCTTc().getTcPr()
                        : row.getCell(0).getCTTc().addNewTcPr();
                pr.addNewGridSpan().setVal(BigInteger.valueOf(header.size()));
                above = null;
            }
            XWPFTableRow row = table.createRow();
            List<String> cells = new ArrayList<>(cells(t));
            boolean sameLead = above != null && above.lead().equals(t.lead());
            if (sameLead) {
                cells.set(2, "");
                XWPFTableRow previous = table.getRow(table.getRows().size() - 2);
                var pr = previous.getCell(2).getCTTc().getTcPr();
                if (pr == null || !pr.isSetVMerge()) {
                    FormatFixturesTest.merge(previous.getCell(2), STMerge.RESTART);
                }
            }
            fill(row, 0, cells);
            if (sameLead) {
                FormatFixturesTest.merge(row.getCell(2), STMerge.CONTINUE);
            }
            above = t;
        }
        return write(doc);
    }

    private static void fill(XWPFTableRow row, int from, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.getCell(from + c).setText(cells.get(c));
        }
    }

    /** The prose as Word paragraphs, numbers typed in the text. */
    static byte[] docxParagraphs(Plan plan) throws IOException {
        XWPFDocument doc = new XWPFDocument();
        prose(plan).forEach(line -> doc.createParagraph().createRun().setText(line));
        return write(doc);
    }

    /** The prose as Word paragraphs whose numbers Word prints: chapters in a 一、 list, items in a 1. list. */
    static byte[] docxListParagraphs(Plan plan) throws IOException {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText(plan.title());
        BigInteger chapters = FormatFixturesTest.list(doc, STNumberFormat.CHINESE_COUNTING, "%1、");
        BigInteger items = FormatFixturesTest.list(doc, STNumberFormat.DECIMAL, "%1.");
        String chapter = null;
        for (Task t : plan.tasks()) {
            if (!t.chapter().equals(chapter)) {
                chapter = t.chapter();
                FormatFixturesTest.listItem(doc, chapters, t.chapterTitle());
            }
            FormatFixturesTest.listItem(doc, items, paragraph(t));
        }
        return write(doc);
    }

    // ---- Excel ---------------------------------------------------------------------------------------------------

    private static final Pattern CHINESE_DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

    /**
     * A sheet: the title in a row merged across the columns, a header, the chapter cell merged down over its tasks,
     * numbers as numbers, and a deadline that is one day as a date cell shown in the format it is printed in.
     */
    static byte[] xlsx(Plan plan) throws IOException {
        List<String> header = List.of("重点工作", "序号", "具体任务", "牵头部门", "责任部门", "配合部门", "完成期限");
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务分工");
            CellStyle chinese = book.createCellStyle();
            chinese.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle iso = book.createCellStyle();
            iso.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            sheet.createRow(0).createCell(0).setCellValue(plan.title());
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            int r = 2;
            int groupStart = r;
            List<Task> tasks = plan.tasks();
            for (int k = 0; k < tasks.size(); k++, r++) {
                Task t = tasks.get(k);
                Row row = sheet.createRow(r);
                boolean first = k == 0 || !tasks.get(k - 1).chapter().equals(t.chapter());
                if (first) {
                    groupStart = r;
                    row.createCell(0).setCellValue(t.chapter());
                }
                row.createCell(1).setCellValue(t.number());
                List<String> cells = cells(t);
                for (int c = 1; c < 5; c++) {
                    row.createCell(c + 1).setCellValue(cells.get(c));
                }
                Cell deadline = row.createCell(6);
                Matcher m;
                if ((m = CHINESE_DATE.matcher(t.deadlineCell())).matches() || (m = ISO_DATE.matcher(t.deadlineCell())).matches()) {
                    deadline.setCellValue(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
                    deadline.setCellStyle(m.pattern() == CHINESE_DATE ? chinese : iso);
                } else {
                    deadline.setCellValue(t.deadlineCell());
                }
                boolean last = k + 1 == tasks.size() || !tasks.get(k + 1).chapter().equals(t.chapter());
                if (last && r > groupStart) {
                    sheet.addMergedRegion(new CellRangeAddress(groupStart, r, 0, 0));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    // ---- web pages -----------------------------------------------------------------------------------------------

    /** A government site's page around {@code article}: header, navigation, breadcrumb, page tools, footer. */
    private static byte[] page(Plan plan, String article) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + plan.title() + "_政务公开</title>"
                + "<script>var nav = '1.首页(责任单位:网站)';</script></head><body>"
                + "<header><div class=\"logo\">测试人民政府门户网站</div><a href=\"/\">无障碍浏览</a></header>"
                + "<nav><ul><li><a href=\"/\">首页</a></li><li><a href=\"/gk\">政务公开</a></li><li><a>政务服务</a></li></ul></nav>"
                + "<div class=\"crumb\">当前位置:首页 &gt; 政务公开 &gt; 重点领域</div>"
                + "<div class=\"article\">" + article + "</div>"
                + "<div class=\"tools\"><a>打印本页</a> <a>关闭窗口</a></div>"
                + "<footer><p>主办单位:测试人民政府办公室</p><p>版权所有 网站标识码1234567890 ICP备00000000号</p></footer>"
                + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** A table: the title in a row spanning the columns, a th header, chapter cells spanning their tasks' rows. */
    static byte[] htmlTable(Plan plan) {
        List<String> header = List.of("工作领域", "编号", "工作内容", "主办单位", "落实单位", "协办单位", "时间节点");
        StringBuilder table = new StringBuilder("<table border=\"1\"><tbody><tr><td colspan=\"" + header.size()
                + "\"><strong>" + plan.title() + "</strong></td></tr><tr>");
        header.forEach(h -> table.append("<th>").append(h).append("</th>"));
        table.append("</tr>");
        List<Task> tasks = plan.tasks();
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            table.append("<tr>");
            if (k == 0 || !tasks.get(k - 1).chapter().equals(t.chapter())) {
                long span = tasks.stream().filter(o -> o.chapter().equals(t.chapter())).count();
                table.append("<td rowspan=\"").append(span).append("\">").append(t.chapter()).append("</td>");
            }
            cells(t).forEach(c -> table.append("<td>").append(c).append("</td>"));
            table.append("</tr>\n");
        }
        return page(plan, table.append("</tbody></table>").toString());
    }

    /** The prose as paragraphs, the title a heading. */
    static byte[] htmlParagraphs(Plan plan) {
        List<String> lines = prose(plan);
        return page(plan, "<h1>" + lines.get(0) + "</h1>\n" + lines.subList(1, lines.size()).stream()
                .map(l -> "<p style=\"text-indent:2em\">" + l + "</p>").collect(Collectors.joining("\n")));
    }

    // ---- PDF -----------------------------------------------------------------------------------------------------

    private static final float SIZE = 10.5f; // 五号, as tables in official documents print
    private static final float LEADING = 14;
    private static final float MARGIN = 5.4f; // Word's default cell margin
    private static final float TOP = 100;
    private static final float BOTTOM = 760;
    private static final String RUNNING_HEADER = "测试人民政府办公室";

    /**
     * The plan as its notice's first page would print it, then a ruled table (the group cell merged down, the header
     * repeated on each page) that runs over A4 pages.
     */
    static byte[] pdfTable(Plan plan) throws IOException {
        float[] x = {40, 110, 138, 300, 362, 444, 506, 555};
        List<List<Text>> pages = new ArrayList<>();
        List<List<Rule>> rules = new ArrayList<>();
        Function<List<String>, List<List<String>>> wrap = cells -> {
            List<List<String>> lines = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                int perLine = (int) ((x[c + 1] - x[c] - 2 * MARGIN) / SIZE);
                lines.add(chop(cells.get(c), perLine));
            }
            return lines;
        };
        List<String> header = WORD_HEADER;
        float[] y = {0};
        Runnable newPage = () -> {
            int n = pages.size() + 1;
            pages.add(new ArrayList<>(List.of(new Text(40, 40, 9, RUNNING_HEADER), new Text(480, 40, 9, "第 " + n + " 页"),
                    new Text(285, 810, 9, "- " + n + " -"))));
            rules.add(new ArrayList<>());
            y[0] = TOP;
        };
        newPage.run();
        List<String> intro = new ArrayList<>(List.of("测试人民政府办公室关于印发" + plan.title() + "的通知", "各有关单位:"));
        intro.addAll(chop("为深入推进政务公开工作,根据上级部署要求,结合工作实际,现将本年度重点任务安排印发,"
                + "请各责任单位明确责任人,细化工作措施,按时限要求抓好落实,并于每季度末报送工作进展情况。工作中遇到的"
                + "问题,请及时与政务公开工作机构联系。", 38));
        intro.addAll(List.of("测试人民政府办公室", plan.year() + "年3月1日", plan.title()));
        for (int l = 0; l < intro.size(); l++) {
            pages.get(0).add(new Text(60, 80 + l * 22, 12, intro.get(l)));
        }
        y[0] = 100 + intro.size() * 22;
        List<Task> tasks = plan.tasks();
        boolean[] headerDrawn = {false};
        for (int k = -1; k < tasks.size(); k++) {
            Task t = k < 0 ? null : tasks.get(k);
            boolean first = t != null && (k == 0 || !tasks.get(k - 1).chapter().equals(t.chapter()));
            List<String> row = new ArrayList<>();
            if (t == null) {
                row.addAll(header);
            } else {
                row.add(first ? t.chapter() : "");
                row.addAll(cells(t));
            }
            List<List<String>> lines = wrap.apply(row);
            float height = lines.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * MARGIN;
            boolean lastRowOnFirstPage = k == tasks.size() - 1 && pages.size() == 1; // a short plan breaks there
            if (y[0] + height > BOTTOM || lastRowOnFirstPage) {
                rules.get(rules.size() - 1).add(new Rule(x[0], y[0], x[x.length - 1], y[0]));
                newPage.run();
                headerDrawn[0] = false;
            }
            if (t != null && !headerDrawn[0]) {
                y[0] = drawRow(pages, rules, x, wrap.apply(header), y[0], false);
            }
            headerDrawn[0] = true;
            boolean groupGoesOn = t != null && !first;
            y[0] = drawRow(pages, rules, x, lines, y[0], groupGoesOn);
        }
        rules.get(rules.size() - 1).add(new Rule(x[0], y[0], x[x.length - 1], y[0]));
        return PdfAndDocTest.draw(pages, rules);
    }

    /**
     * Draws a row's wrapped cells at {@code top}: the rule above it (not over the group column when the group goes
     * on from the row above) and the column rules beside it; returns the row's bottom.
     */
    private static float drawRow(List<List<Text>> pages, List<List<Rule>> rules, float[] x, List<List<String>> cells,
                                 float top, boolean groupGoesOn) {
        List<Text> page = pages.get(pages.size() - 1);
        List<Rule> ruled = rules.get(rules.size() - 1);
        float height = cells.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * MARGIN;
        ruled.add(new Rule(groupGoesOn ? x[1] : x[0], top, x[x.length - 1], top));
        for (float at : x) {
            ruled.add(new Rule(at, top, at, top + height));
        }
        for (int c = 0; c < cells.size(); c++) {
            for (int l = 0; l < cells.get(c).size(); l++) {
                page.add(new Text(x[c] + MARGIN, top + MARGIN + SIZE + l * LEADING, SIZE, cells.get(c).get(l)));
            }
        }
        return top + height;
    }

    private static List<String> chop(String text, int perLine) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += perLine) {
            lines.add(text.substring(i, Math.min(text.length(), i + perLine)));
        }
        return lines;
    }

    /** The prose laid out by {@link PdfAndDocTest#pdf}: wrapped lines, a running header and page numbers. */
    static byte[] pdfParagraphs(Plan plan) throws IOException {
        return PdfAndDocTest.pdf(RUNNING_HEADER, prose(plan), 12);
    }
}
