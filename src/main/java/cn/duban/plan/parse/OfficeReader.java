package cn.duban.plan.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import cn.duban.plan.parse.Block.Grid;

/**
 * Reads Word (.docx: paragraphs with the numbers Word prints, tables with merged cells filled) and Excel (.xlsx:
 * each sheet a grid, cells as shown) documents.
 */
final class OfficeReader {

    private OfficeReader() {}

    static List<Block> read(byte[] content) {
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
                        blocks.addAll(DocumentReader.lines(text));
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
                String text = continued && col < above.size() ? above.get(col) : DocumentReader.cellText(cell.getText());
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
                        cells.add(DocumentReader.cellText(m != null ? m : cell == null ? "" : cellValue(format, cell)));
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
}
