package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement.Per;

/** The project's own plan documents, written here, in every input format the importer takes. */
public class FormatFixturesTest {

    /** A plan in prose with every unit phrase and deadline form the parser knows. */
    static final String PROSE = """
            测试市人民政府办公室关于印发测试市2025年政务公开工作要点的通知
            测政办〔2025〕7号
            2025年3月10日

            测试市2025年政务公开工作要点

            一、深化重点领域公开
            (一)财政资金公开
            1.细化部门预决算公开,
            做到应公开尽公开。(牵头单位:市财政局;责任单位:市政府各部门,各县〔市、区〕人民政府)2025年6月底前
            2、公开政府债务信息,每月更新。(市财政局牵头,市审计局配合)
            (二)由市统计局负责发布统计公报,一季度完成。(责任单位:市统计局)
            二、提升解读回应实效
            3.做好政策解读,每季度至少开展1次集中解读活动。(市政府办公室牵头,市政府各部门按职责分工负责)
            4.主要负责同志每年至少听取一次政务公开工作汇报。(市政府办公室、市发展和改革委员会分别牵头落实)上半年
            5.持续推进政务新媒体规范管理。(责任科室:办公室、信息科)
            (1)完善网站栏目,及时更新。(市大数据局牵头落实)
            附件
            扫一扫在手机打开当前页
            """;

    @Test
    void proseWithEveryPhraseForm() {
        ParsedPlan plan = PlanParser.parse(PROSE.getBytes(StandardCharsets.UTF_8), null);
        assertProse(plan);
    }

    @Test
    void gb18030TextIsDetected() {
        ParsedPlan plan = PlanParser.parse(PROSE.getBytes(Charset.forName("GB18030")), null);
        assertProse(plan);
    }

    @Test
    void traditionalChineseWithPinyinIsNormalized() {
        String traditional = """
                測試局2025年度政務(wù)公開工作要點
                一、圍(wéi)繞中心工作
                (一)主動公開
                1.加強(qiáng)政策解讀,按季度發(fā)布。(責(zé)任科室:辦公室、各相關(guān)科室)
                """;
        ParsedPlan plan = PlanParser.parse(traditional, null);
        ParsedItem item = plan.items().get(0);
        assertThat(item.text()).isEqualTo("加强政策解读,按季度发布。");
        assertThat(item.responsibleUnits()).containsExactly("办公室", "各相关科室");
        assertThat(item.deadline().frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(plan.title()).isEqualTo("测试局2025年度政务公开工作要点");
    }

    @Test
    void theConverterRunsOnlyForTextWithATraditionalCharacterAndEachMarkIsOne() {
        assertThat(Normalizer.TRADITIONAL_MARKS.chars().filter(c -> {
            String mark = Character.toString(c);
            return com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(mark).equals(mark);
        }).mapToObj(Character::toString)).as("marks that are not Traditional").isEmpty();
        String simplified = "测试局2025年度政务公开工作要点";
        assertThat(Normalizer.simplified(simplified)).isSameAs(simplified);
        assertThat(Normalizer.simplified("區政府辦公室")).isEqualTo("区政府办公室");
    }

    private static void assertProse(ParsedPlan plan) {
        assertThat(plan.title()).isEqualTo("测试市2025年政务公开工作要点");
        assertThat(plan.organ()).isEqualTo("测试市人民政府办公室");
        assertThat(plan.docNumber()).isEqualTo("测政办〔2025〕7号");
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        List<ParsedItem> items = plan.items();
        assertThat(items).extracting(ParsedItem::number).containsExactly("1", "2", "(二)", "3", "4", "5", "(1)");

        ParsedItem first = items.get(0);
        assertThat(first.path()).containsExactly("一", "(一)", "1");
        assertThat(first.text()).isEqualTo("细化部门预决算公开,做到应公开尽公开。");
        assertThat(first.leadUnits()).containsExactly("市财政局");
        assertThat(first.responsibleUnits()).containsExactly("市政府各部门", "各县〔市、区〕人民政府");
        assertThat(first.deadline()).isEqualTo(new Deadline(Kind.DATE, LocalDate.of(2025, 6, 30), null, "2025年6月底前", List.of()));

        ParsedItem second = items.get(1);
        assertThat(second.leadUnits()).containsExactly("市财政局");
        assertThat(second.cooperatingUnits()).containsExactly("市审计局");
        assertThat(second.deadline().kind()).isEqualTo(Kind.RECURRING);
        assertThat(second.deadline().frequency()).isEqualTo(Frequency.MONTHLY);

        ParsedItem section = items.get(2);
        assertThat(section.path()).as("a (二) line that carries units is an item").containsExactly("一", "(二)");
        assertThat(section.deadline().due()).isEqualTo(LocalDate.of(2025, 3, 31));

        ParsedItem third = items.get(3);
        assertThat(third.path()).containsExactly("二", "3");
        assertThat(third.responsibleUnits()).containsExactly("市政府各部门");
        assertThat(third.requirements()).containsExactly(new Requirement(1, Per.QUARTER));
        assertThat(third.deadline().frequency()).isEqualTo(Frequency.QUARTERLY);

        ParsedItem fourth = items.get(4);
        assertThat(fourth.leadUnits()).as("和 inside a unit name does not split it")
                .containsExactly("市政府办公室", "市发展和改革委员会");
        assertThat(fourth.requirements()).containsExactly(new Requirement(1, Per.YEAR));
        assertThat(fourth.deadline().due()).isEqualTo(LocalDate.of(2025, 6, 30));

        assertThat(items.get(5).responsibleUnits()).containsExactly("办公室", "信息科");
        assertThat(items.get(5).deadline().kind()).isEqualTo(Kind.ONGOING);
        assertThat(items.get(6).leadUnits()).containsExactly("市大数据局");
        assertThat(items.get(6).deadline().frequency()).isEqualTo(Frequency.ASAP);
    }

    @Test
    void wordDocumentWithAMergedCellTable() throws IOException {
        ParsedPlan plan = PlanParser.parse(docx(), null);
        assertThat(plan.title()).isEqualTo("样例县2026年政务公开工作任务清单");
        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "1", "2", "3");
        assertThat(plan.items().get(0).path()).containsExactly("一", "1");
        assertThat(plan.items().get(0).responsibleUnits()).containsExactly("县教育局");
        ParsedItem row1 = plan.items().get(1);
        assertThat(row1.path()).containsExactly("附件", "1");
        assertThat(row1.leadUnits()).containsExactly("县政府办公室");
        assertThat(row1.responsibleUnits()).containsExactly("县财政局", "县审计局");
        assertThat(row1.deadline().due()).isEqualTo(LocalDate.of(2026, 9, 30));
        ParsedItem row2 = plan.items().get(2);
        assertThat(row2.leadUnits()).as("vertically merged cell filled down").containsExactly("县政府办公室");
        assertThat(row2.deadline().kind()).isEqualTo(Kind.YEAR_END);
        assertThat(plan.items().get(3).leadUnits()).containsExactly("县卫生健康局");
    }

    @Test
    void wordListNumberingIsPartOfTheItem() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("编号局2026年政务公开工作要点");
            numbered(doc, List.of("公开预算。(责任单位:财务科)6月底前", "公开决算。(责任单位:财务科)9月底前"));
            doc.write(out);
            ParsedPlan plan = PlanParser.parse(out.toByteArray(), null);
            assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2");
            assertThat(plan.items().get(1).deadline().due()).isEqualTo(LocalDate.of(2026, 9, 30));
        }
    }

    @Test
    void excelSheetWithTitleRowAndMergedCells() throws IOException {
        ParsedPlan plan = PlanParser.parse(xlsx(), null);
        assertThat(plan.year()).isEqualTo(2026);
        assertThat(plan.items()).hasSize(3);
        ParsedItem first = plan.items().get(0);
        assertThat(first.path()).containsExactly("一", "1");
        assertThat(first.text()).isEqualTo("公开年度预决算");
        assertThat(first.responsibleUnits()).containsExactly("财务科");
        assertThat(first.deadline().kind()).isEqualTo(Kind.ONGOING);
        assertThat(plan.items().get(1).path()).as("merged chapter cell filled down").containsExactly("一", "2");
        assertThat(plan.items().get(1).responsibleUnits()).containsExactly("办公室", "法规科");
        assertThat(plan.items().get(1).deadline().due()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(plan.items().get(2).path()).containsExactly("二", "3");
        assertThat(plan.items().get(2).cooperatingUnits()).containsExactly("信息中心");
    }

    @Test
    void webPageWithChromeAndARowspanTable() {
        String html = """
                <!DOCTYPE html><html><head><title>x</title><script>var a = "1.不是事项(牵头单位:甲)";</script></head>
                <body><nav>首页 &gt; 政务公开</nav>
                <div class="article"><h1>示例区2026年政务公开工作要点</h1>
                <p>一、加强政策解读</p>
                <p>1.做好政策解读工作,<br>确保同步发布。(牵头单位:区政府办公室;责任单位:区政府各部门)9月底前</p>
                <p>2.开展政府开放日活动,每年不少于2次。(区教育局牵头落实)</p>
                <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>
                <tr><td>3</td><td>更新公开指南</td><td rowspan="2">区司法局</td><td>年底前</td></tr>
                <tr><td>4</td><td>清理规范性文件</td><td>6月30日前</td></tr></table>
                </div><footer>扫一扫在手机打开当前页</footer></body></html>""";
        ParsedPlan plan = PlanParser.parse(html.getBytes(StandardCharsets.UTF_8), null);
        assertThat(plan.title()).isEqualTo("示例区2026年政务公开工作要点");
        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2", "3", "4");
        assertThat(plan.items().get(0).text()).isEqualTo("做好政策解读工作,确保同步发布。");
        assertThat(plan.items().get(0).deadline().due()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(plan.items().get(1).requirements()).containsExactly(new Requirement(2, Per.YEAR));
        assertThat(plan.items().get(3).responsibleUnits()).as("rowspan filled down").containsExactly("区司法局");
        assertThat(plan.items().get(3).deadline().due()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void unreadableInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> PlanParser.parse(new byte[0], 2025)).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> PlanParser.parse(new byte[] {1, 2, 0, 4, 5}, 2025)).hasMessageContaining("二进制");
        assertThatThrownBy(() -> PlanParser.parse(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}, 2025))
                .hasMessageContaining(".docx");
        assertThatThrownBy(() -> PlanParser.parse(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, 2025))
                .isInstanceOf(PlanParseException.class);
        assertThatThrownBy(() -> PlanParser.parse("1.没有年份的事项。(责任单位:甲局)", null))
                .isInstanceOf(PlanParseException.class).hasMessageContaining("年份");
    }

    @Test
    void arbitraryBytesNeverEscapeAsAnythingButARefusal() {
        Random random = new Random(42);
        byte[] prose = PROSE.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 300; round++) {
            byte[] input = round % 2 == 0 ? new byte[random.nextInt(2000)] : prose.clone();
            if (round % 2 == 0) {
                random.nextBytes(input);
            } else {
                for (int k = 0; k < 1 + random.nextInt(20); k++) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                PlanParser.parse(input, round % 3 == 0 ? null : 2025);
            } catch (PlanParseException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    // ---- the fixture documents ---------------------------------------------------------------------------------

    /** A Word plan: title, a chapter with a numbered item, an annex table whose 牵头单位 cell spans two rows. */
    public static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("样例县2026年政务公开工作任务清单");
            doc.createParagraph().createRun().setText("一、推进重点领域公开");
            doc.createParagraph().createRun().setText("1.公开义务教育招生政策。(责任单位:县教育局)年底前");
            doc.createParagraph().createRun().setText("附件");
            XWPFTable table = doc.createTable(4, 5);
            String[][] cells = {
                    {"序号", "工作任务", "牵头单位", "责任单位", "完成时限"},
                    {"1", "公开预决算", "县政府办公室", "县财政局、县审计局", "9月底前"},
                    {"2", "公开审计结果", "", "县审计局", "年底前"},
                    {"3", "公开医疗机构信息", "县卫生健康局", "县卫生健康局", "全年"}};
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    cell.setText(cells[r][c]);
                }
            }
            merge(table.getRow(1).getCell(2), STMerge.RESTART);
            merge(table.getRow(2).getCell(2), STMerge.CONTINUE);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Paragraphs in a Word list numbered 1. 2. …: the numbers are not part of their text. */
    static void numbered(XWPFDocument doc, List<String> texts) {
        BigInteger numId = list(doc, STNumberFormat.DECIMAL, "%1.");
        for (String text : texts) {
            listItem(doc, numId, text);
        }
    }

    /** A new one-level Word list numbered in {@code format}, printed as {@code levelText} (%1.); its numId. */
    static BigInteger list(XWPFDocument doc, STNumberFormat.Enum format, String levelText) {
        XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(numbering.getAbstractNums().size()));
        var level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(levelText);
        level.addNewStart().setVal(BigInteger.ONE);
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
    }

    /** A paragraph in list {@code numId}: Word prints its number, its text does not hold it. */
    static void listItem(XWPFDocument doc, BigInteger numId, String text) {
        var p = doc.createParagraph();
        p.setNumID(numId);
        p.setNumILvl(BigInteger.ZERO);
        p.createRun().setText(text);
    }

    static void merge(XWPFTableCell cell, STMerge.Enum kind) {
        var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        pr.addNewVMerge().setVal(kind);
    }

    /** An Excel 分工方案: a merged title row, a header row, a chapter cell merged over two rows. */
    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("分工方案");
            String[][] rows = {
                    {"某某局2026年政务公开工作分工方案", "", "", "", "", ""},
                    {"工作要求", "序号", "具体任务", "责任科室", "配合单位", "完成时限"},
                    {"一、重点领域公开", "1", "公开年度预决算", "财务科", "", "常态化开展"},
                    {"", "2", "公开行政处罚结果", "办公室、法规科", "", "5月底前"},
                    {"二、平台建设", "3", "优化网站栏目", "办公室", "信息中心", "年底前"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            book.write(out);
            return out.toByteArray();
        }
    }
}
