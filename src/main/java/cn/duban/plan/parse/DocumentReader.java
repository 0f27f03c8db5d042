package cn.duban.plan.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import cn.duban.plan.parse.Block.Grid;
import cn.duban.plan.parse.Block.Line;

/**
 * Reads a plan document of any supported format (plain text, .docx, .xlsx, .html, and with {@link PdfReader} and
 * {@link Word97Reader} PDF, .doc/.wps and .xls), recognized by its content, into the same blocks whatever the format:
 * normalized lines (a paragraph with the number Word prints before it) and grids of cells (merged cells filled with
 * their text). It only reads: where the text holds tables, headers and items is {@link Layout}'s to find.
 */
final class DocumentReader {

    private static final Pattern HTML = Pattern.compile("(?is)^\\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >]|<table)");
    private static final int MAX_CELL_LINES = 20;

    private DocumentReader() {}

    static List<Block> read(byte[] content) {
        if (content.length == 0) {
            throw new PlanParseException("文件为空");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            return office(content);
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Word97Reader.read(content);
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            return PdfReader.read(content);
        }
        String text = decode(content);
        return HTML.matcher(text).find() ? html(text) : lines(text);
    }

    // ---- plain text -------------------------------------------------------------------------------------------

    /** Plain text as lines, normalized (an empty line stays: it may end a table's row); layout is {@link Layout}'s. */
    static List<Block> lines(String raw) {
        return Normalizer.text(raw).lines().map(l -> (Block) new Line(l.strip())).toList();
    }

    // ---- web pages ---------------------------------------------------------------------------------------------

    private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("p", "div", "li", "h1", "h2", "h3", "h4",
            "h5", "h6", "section", "article", "ul", "ol", "blockquote", "pre", "dd", "dt", "center", "tr", "form");

    static List<Block> html(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        page.select("script, style, noscript, nav, header, footer, iframe, select, button").remove();
        List<String> lines = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        walk(page.body(), buffer, lines, blocks);
        flush(buffer, lines, blocks);
        return blocks;
    }

    /** Text in document order, a line per block element or {@code <br>}, tables as tables; iterative for deep pages. */
    private static void walk(Element body, StringBuilder buffer, List<String> lines, List<Block> blocks) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    buffer.append(t.getWholeText());
                } else if (node instanceof Element e && e != body) {
                    if (e.tagName().equals("table")) {
                        flush(buffer, lines, blocks);
                        blocks.add(new Grid(htmlGrid(e)));
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.tagName().equals("br") || BLOCK_TAGS.contains(e.tagName())) {
                        flush(buffer, lines, blocks);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.tagName())) {
                    flush(buffer, lines, blocks);
                }
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static void flush(StringBuilder buffer, List<String> lines, List<Block> blocks) {
        if (!buffer.toString().isBlank()) {
            blocks.addAll(lines(buffer.toString().replaceAll("\\s*\\n\\s*", " ")));
        }
        buffer.setLength(0);
    }

    private static List<List<String>> htmlGrid(Element table) {
        List<List<String>> grid = new ArrayList<>();
        Map<Integer, String[]> spanning = new HashMap<>(); // column -> {text, rows left}
        for (Element tr : table.select("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            List<String> row = new ArrayList<>();
            int col = 0;
            for (Element td : tr.children()) {
                if (!td.tagName().equals("td") && !td.tagName().equals("th")) {
                    continue;
                }
                col = fillSpanned(row, col, spanning);
                String text = cellText(td.text());
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int k = 0; k < colspan; k++) {
                    row.add(text);
                    if (rowspan > 1) {
                        spanning.put(col, new String[] {text, String.valueOf(rowspan - 1)});
                    }
                    col++;
                }
            }
            fillSpanned(row, col, spanning);
            grid.add(row);
        }
        return grid;
    }

    private static int fillSpanned(List<String> row, int col, Map<Integer, String[]> spanning) {
        while (spanning.containsKey(col)) {
            String[] s = spanning.get(col);
            row.add(s[0]);
            int left = Integer.parseInt(s[1]) - 1;
            if (left <= 0) {
                spanning.remove(col);
            } else {
                s[1] = String.valueOf(left);
            }
            col++;
        }
        return col;
    }

    private static int span(String attr) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(attr.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // ---- Word and Excel ----------------------------------------------------------------------------------------

    private static List<Block> office(byte[] content) {
        String kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null && kind == null; ) {
                if (e.getName().equals("word/document.xml")) {
                    kind = "docx";
                } else if (e.getName().equals("xl/workbook.xml")) {
                    kind = "xlsx";
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new PlanParseException("文件已损坏, 无法读取" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (kind == null) {
            throw new PlanParseException("不支持的压缩文件: 只支持 .docx 和 .xlsx");
        }
        try {
            return kind.equals("docx") ? docx(content) : xlsx(content);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlanParseException p) {
                throw p;
            }
            throw new PlanParseException("文件已损坏, 无法读取 " + kind + ": " + e.getClass().getSimpleName());
        }
    }

    private static List<Block> docx(byte[] content) throws IOException {
        List<Block> blocks = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            Map<BigInteger, int[]> counters = new HashMap<>();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = numbering(p, counters) + p.getText();
                    if (!text.isBlank()) {
                        blocks.addAll(lines(text));
                    }
                } else if (element instanceof XWPFTable t) {
                    blocks.add(new Grid(wordGrid(t)));
                }
            }
        }
        return blocks;
    }

    /** The number Word prints in front of a numbered paragraph (list numbering is not part of its text). */
    private static String numbering(XWPFParagraph p, Map<BigInteger, int[]> counters) {
        if (p.getNumID() == null || p.getNumLevelText() == null) {
            return "";
        }
        int level = p.getNumIlvl() == null ? 0 : Math.min(8, p.getNumIlvl().intValue());
        int[] counter = counters.computeIfAbsent(p.getNumID(), k -> new int[9]);
        counter[level]++;
        for (int k = level + 1; k < 9; k++) {
            counter[k] = 0;
        }
        String text = p.getNumLevelText();
        for (int k = 0; k <= level; k++) {
            String n = k == level && p.getNumFmt() != null && p.getNumFmt().toLowerCase().contains("chinese")
                    ? Numerals.chinese(counter[k]) : String.valueOf(counter[k]);
            text = text.replace("%" + (k + 1), n);
        }
        return text;
    }

    private static List<List<String>> wordGrid(XWPFTable table) {
        List<List<String>> grid = new ArrayList<>();
        List<String> above = List.of();
        for (XWPFTableRow tr : table.getRows()) {
            List<String> row = new ArrayList<>();
            for (XWPFTableCell cell : tr.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = pr != null && pr.isSetGridSpan() ? pr.getGridSpan().getVal().intValue() : 1;
                boolean continued = pr != null && pr.isSetVMerge()
                        && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                int col = row.size();
                String text = continued && col < above.size() ? above.get(col) : cellText(cell.getText());
                for (int k = 0; k < Math.max(1, span); k++) {
                    row.add(text);
                }
            }
            grid.add(row);
            above = row;
        }
        return grid;
    }

    private static List<Block> xlsx(byte[] content) throws IOException {
        return sheets(new XSSFWorkbook(new ByteArrayInputStream(content)));
    }

    /** Each sheet of a workbook (closed when read) as a table, merged cells filled with their text. */
    static List<Block> sheets(Workbook book) throws IOException {
        List<Block> blocks = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (book) {
            for (Sheet sheet : book) {
                Map<Long, String> merged = new HashMap<>();
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    Row first = sheet.getRow(region.getFirstRow());
                    Cell cell = first == null ? null : first.getCell(region.getFirstColumn());
                    String text = cell == null ? "" : cellValue(format, cell);
                    for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                        for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                            merged.put(((long) r << 16) | c, text);
                        }
                    }
                }
                List<List<String>> grid = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        String m = merged.get(((long) row.getRowNum() << 16) | c);
                        Cell cell = row.getCell(c);
                        cells.add(cellText(m != null ? m : cell == null ? "" : cellValue(format, cell)));
                    }
                    grid.add(cells);
                }
                blocks.add(new Grid(grid));
            }
        }
        return blocks;
    }

    /**
     * A cell's text as the sheet shows it; a date cell whose display does not read back as its date with its year
     * (9/30/25, 9月30日, a serial number) as an ISO date (2025-09-30).
     */
    private static String cellValue(DataFormatter format, Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String shown = format.formatCellValue(cell);
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            shown = shown.replace("\"", ""); // POI keeps the quotes of a format's literal text (yyyy"年"m"月"d"日")
            java.time.LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            boolean readsBack = shown.contains(String.valueOf(date.getYear()))
                    && date.equals(Deadlines.phrase(shown, date.getYear()).due());
            return readsBack ? shown : date.toString();
        }
        return shown;
    }

    static String cellText(String raw) {
        String text = Normalizer.text(raw);
        return String.join("", text.lines().limit(MAX_CELL_LINES).map(Normalizer::line).toList());
    }

    // ---- bytes to text -----------------------------------------------------------------------------------------

    /** Text as UTF-8 (with or without BOM), else GB18030 as older government sites publish it; binary is refused. */
    static String decode(byte[] content) {
        int control = 0;
        int sample = Math.min(content.length, 65536);
        for (int i = 0; i < sample; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                throw new PlanParseException("不是文本文件 (含二进制内容): 请上传纯文本、Word、Excel、PDF 或网页");
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > sample / 100 + 2) {
            throw new PlanParseException("不是文本文件 (含二进制内容): 请上传纯文本、Word、Excel、PDF 或网页");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            try {
                return Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException notGb) {
                throw new PlanParseException("无法识别文件编码: 请使用 UTF-8 或 GB18030 编码的文本");
            }
        }
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
