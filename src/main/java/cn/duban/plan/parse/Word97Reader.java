package cn.duban.plan.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.converter.AbstractWordUtils;
import org.apache.poi.hwpf.converter.AbstractWordUtils.NumberingState;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads the Office 97-2003 (OLE2) files: Word .doc, and WPS Office's .wps in the same format (POI HWPF), with their
 * list numbering and tables; Excel .xls (POI HSSF) as the .xlsx sheets are read.
 */
final class Word97Reader {

    private Word97Reader() {}

    static List<Block> read(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw encrypted();
            }
            if (root.hasEntry("WordDocument")) {
                try (HWPFDocument doc = new HWPFDocument(fs)) {
                    return word(doc.getRange());
                }
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return OfficeReader.sheets(new HSSFWorkbook(fs));
            }
        } catch (EncryptedDocumentException e) {
            throw encrypted();
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlanParseException p) {
                throw p;
            }
            throw new PlanParseException("旧版 Word/Excel 文件已损坏, 无法读取: 请用 Word 或 WPS 打开后另存为 .docx/.xlsx 再导入");
        }
        throw new PlanParseException("不支持的旧版 Office 文件: 只支持 Word (.doc/.wps) 和 Excel (.xls)");
    }

    private static PlanParseException encrypted() {
        return new PlanParseException("文件已加密, 需要密码才能打开: 请提供未加密的文件");
    }

    /** Paragraphs in order, each with the number Word prints before it; a table's paragraphs as the table. */
    private static List<Block> word(Range range) {
        List<Block> blocks = new ArrayList<>();
        NumberingState numbering = new NumberingState();
        for (int i = 0; i < range.numParagraphs(); i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                Table table = range.getTable(p);
                blocks.add(new Block.Grid(grid(table)));
                i += table.numParagraphs() - 1;
                continue;
            }
            String label = p.isInList() && p.getList() != null
                    ? AbstractWordUtils.getBulletText(numbering, p.getList(), (char) p.getIlvl()).strip() : "";
            String text = label + clean(p.text());
            if (!text.isBlank()) {
                blocks.addAll(DocumentReader.lines(text));
            }
        }
        return blocks;
    }

    private static List<List<String>> grid(Table table) {
        List<List<String>> grid = new ArrayList<>();
        List<String> above = List.of();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow tr = table.getRow(r);
            List<String> row = new ArrayList<>();
            for (int c = 0; c < tr.numCells(); c++) {
                TableCell cell = tr.getCell(c);
                boolean continued = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                row.add(continued && c < above.size() ? above.get(c) : DocumentReader.cellText(clean(cell.text())));
            }
            grid.add(row);
            above = row;
        }
        return grid;
    }

    /** A paragraph's or cell's text without field codes and Word's marks (cell ends, page breaks). */
    private static String clean(String text) {
        return Range.stripFields(text).replaceAll("[\\r\\u000b]", "\n").replaceAll("[\\u0000-\\u0008\\u000c\\u000e-\\u001f]", "");
    }
}
