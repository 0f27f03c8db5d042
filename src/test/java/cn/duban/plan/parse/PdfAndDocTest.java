package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import cn.duban.plan.parse.Block.Line;
import cn.duban.plan.parse.Block.Table;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * The PDF and Word 97-2003 readers, on documents written here: PDFs drawn with PDFBox (text at fixed positions, in
 * the CJK font Debian's fonts-wqy-microhei installs), and a .doc that LibreOffice converted from {@link #wordSource()}.
 */
public class PdfAndDocTest {

    public static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    public static final String HEADER = "测试市人民政府办公室文件";

    /** The paragraphs of a plan whose items wrap over lines and, item 3, over a page break. */
    public static final List<String> PLAN = List.of(
            "测试市2025年政务公开工作要点",
            "一、深化重点领域公开",
            "1.细化部门预决算公开,做到应公开尽公开,及时回应社会关切。(牵头单位:市财政局;责任单位:市审计局)2025年6月底前",
            "2.公开政府债务信息,按规定更新债务限额和余额。(市财政局牵头,市发展和改革委员会配合)9月底前",
            "二、提升解读回应实效",
            "3.做好重要政策解读,每季度至少开展1次集中解读活动,扩大政策知晓面。(责任单位:市政府办公室)年底前",
            "4.完善政府网站栏目设置,规范信息发布流程。(市大数据局牵头落实)10月底前");

    @Test
    void pdfItemsAcrossPagesWithoutHeadersFootersOrPageNumbers() throws IOException {
        byte[] pdf = pdf(HEADER, PLAN, 7);
        assertThat(pages(pdf)).as("the plan runs over pages").isGreaterThanOrEqualTo(2);

        List<Block> blocks = Layout.of(DocumentReader.read(pdf));
        List<String> lines = blocks.stream().filter(b -> b instanceof Line).map(b -> ((Line) b).text()).toList();
        assertThat(lines).noneMatch(l -> l.contains("人民政府办公室文件") || l.contains("页") || l.matches(".*-\\s*\\d+\\s*-.*"));
        assertThat(lines.get(0)).isEqualTo("测试市2025年政务公开工作要点");

        ParsedPlan plan = PlanParser.parse(pdf, null);
        assertThat(plan.title()).isEqualTo("测试市2025年政务公开工作要点");
        assertThat(plan.year()).isEqualTo(2025);
        List<ParsedItem> items = plan.items();
        assertThat(items).extracting(ParsedItem::number).containsExactly("1", "2", "3", "4");
        assertThat(items.get(0).path()).containsExactly("一", "1");
        assertThat(items.get(0).text()).isEqualTo("细化部门预决算公开,做到应公开尽公开,及时回应社会关切。");
        assertThat(items.get(0).leadUnits()).containsExactly("市财政局");
        assertThat(items.get(0).responsibleUnits()).containsExactly("市审计局");
        assertThat(items.get(0).deadline().due()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(items.get(1).leadUnits()).containsExactly("市财政局");
        assertThat(items.get(1).cooperatingUnits()).containsExactly("市发展和改革委员会");
        assertThat(items.get(1).deadline().due()).isEqualTo(LocalDate.of(2025, 9, 30));
        ParsedItem third = items.get(2);
        assertThat(third.path()).containsExactly("二", "3");
        assertThat(third.text()).as("no page furniture inside an item broken over pages")
                .isEqualTo("做好重要政策解读,每季度至少开展1次集中解读活动,扩大政策知晓面。");
        assertThat(third.responsibleUnits()).containsExactly("市政府办公室");
        assertThat(third.deadline().kind()).isEqualTo(Kind.YEAR_END);
        assertThat(items.get(3).leadUnits()).containsExactly("市大数据局");
        assertThat(items.get(3).deadline().due()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(String.join("\n", plan.warnings())).doesNotContain("人民政府办公室文件");
    }

    @Test
    void pdfTableColumnsRebuiltFromPositions() throws IOException {
        byte[] pdf = tablePdf();
        List<Table> tables = Layout.of(DocumentReader.read(pdf)).stream().filter(b -> b instanceof Table).map(b -> (Table) b).toList();
        assertThat(tables).hasSize(1);
        Table table = tables.get(0);
        assertThat(table.header()).containsExactly("序号", "工作任务", "责任单位", "完成时限");
        assertThat(table.rows()).as("wrapped cells joined, the header repeated on page 2 dropped").containsExactly(
                List.of("1", "公开财政预决算信息,细化到功能分类项级科目", "县财政局", "6月底前"),
                List.of("2", "更新政府信息公开指南和目录", "县政府办公室、县司法局", "9月底前"),
                List.of("3", "发布年度统计公报", "县统计局", "年底前"));

        ParsedPlan plan = PlanParser.parse(pdf, null);
        assertThat(plan.title()).isEqualTo("测试县2025年政务公开重点工作任务分工");
        assertThat(plan.items()).hasSize(3);
        assertThat(plan.items()).extracting(ParsedItem::text)
                .containsExactly("公开财政预决算信息,细化到功能分类项级科目", "更新政府信息公开指南和目录", "发布年度统计公报");
        assertThat(plan.items().get(1).responsibleUnits()).containsExactly("县政府办公室", "县司法局");
        assertThat(plan.items()).extracting(i -> i.deadline().due())
                .containsExactly(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31));
    }

    @Test
    void damagedEncryptedOrImagePdfIsRefusedWithAReason() throws IOException {
        byte[] pdf = pdf(HEADER, PLAN, 40);
        assertThatThrownBy(() -> PlanParser.parse(Arrays.copyOf(pdf, 400), null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> PlanParser.parse("%PDF-1.7\n垃圾\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("PDF 文件已损坏");
        assertThatThrownBy(() -> PlanParser.parse(encrypted(pdf), null))
                .isInstanceOf(PlanParseException.class).hasMessage("PDF 文件已加密, 需要密码才能打开: 请提供未加密的文件");
        assertThatThrownBy(() -> PlanParser.parse(blankPdf(), null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("没有可提取的文字");
    }

    /**
     * {@code plan.doc} is {@link #wordSource()} saved by LibreOffice 7.4 as Word 97-2003
     * ({@code soffice --headless --convert-to doc source.docx}): it reads as the .docx it was made from.
     */
    @Test
    void word97DocumentReadsAsItsDocxSource() throws IOException {
        byte[] doc = resource("/parse/plan.doc");
        List<Table> tables = Layout.of(DocumentReader.read(doc)).stream().filter(b -> b instanceof Table).map(b -> (Table) b).toList();
        assertThat(tables).as("in-table paragraphs are the table, not also paragraphs").hasSize(1);
        assertThat(Layout.of(DocumentReader.read(doc)).stream().filter(b -> b instanceof Line).map(b -> ((Line) b).text()))
                .noneMatch(l -> l.contains("公开审计结果"));

        ParsedPlan plan = PlanParser.parse(doc, null);
        assertThat(plan.title()).isEqualTo("样例区2026年政务公开工作要点");
        assertThat(plan.items()).extracting(ParsedItem::number).as("Word list numbering").containsExactly("1", "2", "1", "2");
        ParsedItem first = plan.items().get(0);
        assertThat(first.path()).containsExactly("一", "1");
        assertThat(first.text()).isEqualTo("公开义务教育招生政策。");
        assertThat(first.responsibleUnits()).containsExactly("区教育局");
        assertThat(plan.items().get(1).deadline().due()).isEqualTo(LocalDate.of(2026, 9, 30));
        ParsedItem merged = plan.items().get(3);
        assertThat(merged.text()).isEqualTo("公开审计结果");
        assertThat(merged.leadUnits()).as("vertically merged cell filled down").containsExactly("区政府办公室");
        assertThat(merged.deadline().kind()).isEqualTo(Kind.YEAR_END);

        ParsedPlan source = PlanParser.parse(wordSource(), null);
        assertThat(plan.items()).isEqualTo(source.items());
    }

    @Test
    void excel97WorkbookIsReadLikeXlsx() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务");
            String[][] rows = {{"某局2026年政务公开任务分工"}, {"序号", "工作任务", "责任科室", "完成时限"},
                    {"1", "公开年度预决算", "财务科", "6月底前"}, {"2", "优化网站栏目", "办公室", "年底前"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            ParsedPlan plan = PlanParser.parse(out.toByteArray(), null);
            assertThat(plan.year()).isEqualTo(2026);
            assertThat(plan.items()).extracting(ParsedItem::text).containsExactly("公开年度预决算", "优化网站栏目");
            assertThat(plan.items().get(0).responsibleUnits()).containsExactly("财务科");
        }
    }

    @Test
    void damagedOrForeignOle2FilesAreRefusedWithAReason() throws IOException {
        byte[] doc = resource("/parse/plan.doc");
        byte[] broken = Arrays.copyOf(doc, doc.length);
        Arrays.fill(broken, 512, broken.length, (byte) 0x41); // the header survives, the sectors do not
        assertThatThrownBy(() -> PlanParser.parse(broken, null))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("旧版 Word/Excel 文件已损坏");
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[16]), "PowerPoint Document");
            fs.writeFilesystem(out);
            assertThatThrownBy(() -> PlanParser.parse(out.toByteArray(), null))
                    .isInstanceOf(PlanParseException.class).hasMessageContaining("只支持 Word (.doc/.wps) 和 Excel (.xls)");
        }
    }

    // ---- the documents ---------------------------------------------------------------------------------------

    /** Skips the calling test, saying why, when the CJK font the PDFs are drawn in is missing. */
    public static void assumeFont() {
        if (!Files.isReadable(FONT)) {
            System.out.println("Skipped: the PDF tests draw Chinese text in " + FONT
                    + ", which is missing (apt-get install fonts-wqy-microhei)");
        }
        Assumptions.assumeTrue(Files.isReadable(FONT), "no CJK font at " + FONT);
    }

    /**
     * A plan's paragraphs laid out as a PDF of A4 pages, 12 pt text wrapped, as a word processor wraps it, at the
     * width of 30 Chinese characters (a digit or Latin letter about half one), {@code linesPerPage} lines a page;
     * each page has the running header (with its page number) and a "- n -" footer.
     */
    public static byte[] pdf(String header, List<String> paragraphs, int linesPerPage) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            int start = 0;
            double width = 0;
            for (int i = 0; i < p.length(); i++) {
                double w = p.charAt(i) < 0x2E80 ? 0.5 : 1;
                if (width + w > 30) {
                    lines.add(p.substring(start, i));
                    start = i;
                    width = 0;
                }
                width += w;
            }
            lines.add(p.substring(start));
        }
        List<List<Text>> pages = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += linesPerPage) {
            int n = pages.size() + 1;
            List<Text> page = new ArrayList<>(List.of(new Text(72, 40, 9, header), new Text(460, 40, 9, "第 " + n + " 页"),
                    new Text(280, 810, 9, "- " + n + " -")));
            for (int k = from; k < Math.min(lines.size(), from + linesPerPage); k++) {
                page.add(new Text(72, 90 + (k - from) * 20, 12, lines.get(k)));
            }
            pages.add(page);
        }
        return draw(pages);
    }

    /** A 分工 table drawn as text at the columns' x-positions over two pages, the header row repeated. */
    static byte[] tablePdf() throws IOException {
        float[] x = {60, 100, 330, 470};
        List<Text> first = new ArrayList<>(List.of(new Text(150, 60, 16, "测试县2025年政务公开重点工作任务分工")));
        String[][] rows = {{"序号", "工作任务", "责任单位", "完成时限"},
                {"1", "公开财政预决算信息,细化到", "县财政局", "6月底前"}, {"", "功能分类项级科目", "", ""},
                {"2", "更新政府信息公开指南和目录", "县政府办公室、", "9月底前"}, {"", "", "县司法局", ""}};
        addRows(first, x, rows, 110);
        List<Text> second = new ArrayList<>();
        addRows(second, x, new String[][] {rows[0], {"3", "发布年度统计公报", "县统计局", "年底前"}}, 60);
        second.add(new Text(60, 130, 12, "以上任务请各责任单位于每季度末报送进展情况,逾期未报的予以通报。"));
        return draw(List.of(first, second));
    }

    private static void addRows(List<Text> page, float[] x, String[][] rows, float top) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < x.length; c++) {
                if (!rows[r][c].isEmpty()) {
                    page.add(new Text(x[c], top + r * 18, 11, rows[r][c]));
                }
            }
        }
    }

    record Text(float x, float y, float size, String text) {}

    /** A line drawn from (x1, y1) to (x2, y2), from the top left: a table's rule. */
    record Rule(float x1, float y1, float x2, float y2) {}

    /** Pages of text placed from the top left, in the CJK font. */
    static byte[] draw(List<List<Text>> pages) throws IOException {
        return draw(pages, pages.stream().map(p -> List.<Rule>of()).toList());
    }

    /** Pages of text placed from the top left, in the CJK font, and of rules, {@code rules} a list per page. */
    static byte[] draw(List<List<Text>> pages, List<List<Rule>> rules) throws IOException {
        assumeFont();
        try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(FONT.toFile());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, fonts.getFontByName("WenQuanYiMicroHei"), true);
            float height = PDRectangle.A4.getHeight();
            for (int n = 0; n < pages.size(); n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.setLineWidth(0.5f);
                    for (Rule r : rules.get(n)) {
                        content.moveTo(r.x1(), height - r.y1());
                        content.lineTo(r.x2(), height - r.y2());
                    }
                    if (!rules.get(n).isEmpty()) {
                        content.stroke();
                    }
                    for (Text t : pages.get(n)) {
                        content.beginText();
                        content.setFont(font, t.size());
                        content.newLineAtOffset(t.x(), height - t.y());
                        content.showText(t.text());
                        content.endText();
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** A PDF of one empty page, as a scan without its text layer reads. */
    public static byte[] blankPdf() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            pdf.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] resource(String name) throws IOException {
        try (InputStream in = PdfAndDocTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The Word plan {@code plan.doc} was made from: a title, numbered list items, a table with a merged cell. */
    static byte[] wordSource() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("样例区2026年政务公开工作要点");
            doc.createParagraph().createRun().setText("一、推进重点领域公开");
            FormatFixturesTest.numbered(doc, List.of("公开义务教育招生政策。(责任单位:区教育局)年底前", "公开医疗机构服务信息。(责任单位:区卫生健康局)9月底前"));
            doc.createParagraph().createRun().setText("附件");
            XWPFTable table = doc.createTable(3, 5);
            String[][] cells = {
                    {"序号", "工作任务", "牵头单位", "责任单位", "完成时限"},
                    {"1", "公开预决算", "区政府办公室", "区财政局、区审计局", "9月底前"},
                    {"2", "公开审计结果", "", "区审计局", "年底前"}};
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            FormatFixturesTest.merge(table.getRow(1).getCell(2), STMerge.RESTART);
            FormatFixturesTest.merge(table.getRow(2).getCell(2), STMerge.CONTINUE);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
