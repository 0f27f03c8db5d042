package cn.duban.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** A plain official-style Word document: a centred title, headings, paragraphs and tables, in 仿宋-like fonts. */
final class Docx {

    private final XWPFDocument document = new XWPFDocument();

    Docx title(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, 22, true, "方正小标宋简体");
        return this;
    }

    Docx heading(String text) {
        run(document.createParagraph(), text, 16, true, "黑体");
        return this;
    }

    Docx paragraph(String text) {
        XWPFParagraph p = document.createParagraph();
        p.setFirstLineIndent(640);
        run(p, text, 16, false, "仿宋_GB2312");
        return this;
    }

    /** A table with a header row. */
    Docx table(List<String> header, List<List<String>> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        for (int c = 0; c < header.size(); c++) {
            table.getRow(0).getCell(c).setText(header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                table.getRow(r + 1).getCell(c).setText(rows.get(r).get(c));
            }
        }
        document.createParagraph();
        return this;
    }

    byte[] bytes() throws IOException {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold, String font) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily(font);
    }
}
