package cn.duban.plan.parse;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text of a PDF (PDFBox) in reading order: page headers and footers dropped, and where lines of text
 * stand in columns (a table), the table rebuilt from the text's x-positions.
 */
final class PdfReader {

    /** A page number as headers and footers print it: 第 3 页 (共 10 页), - 3 -, 3/10, Page 3 (of 10). */
    private static final String PAGE = "(共\\s*\\d{1,4}\\s*页\\s*)?第\\s*\\d{1,4}\\s*页([,，\\s]*共\\s*\\d{1,4}\\s*页)?"
            + "|[-—–－]\\s*\\d{1,4}\\s*[-—–－]|\\d{1,4}\\s*/\\s*\\d{1,4}|page\\s*\\d{1,4}(\\s*of\\s*\\d{1,4})?";
    private static final Pattern PAGE_NUMBER_PART = Pattern.compile("(?i)" + PAGE);
    /** A line that is only a page number, or a bare number. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^\\s*(" + PAGE + "|\\d{1,4})\\s*$");
    /** How many lines at the top and at the bottom of a page may be page furniture. */
    private static final int EDGE = 2;

    /** Text drawn without a large gap, from {@code x} to {@code end}. */
    private record Chunk(String text, float x, float end) {}

    /** A line of text on page {@code page} at height {@code y}, its chunks from left to right. */
    private record Line(int page, float y, float size, List<Chunk> chunks) {
        String text() {
            return String.join(" ", chunks.stream().map(Chunk::text).toList());
        }
    }

    private PdfReader() {}

    static List<Block> read(byte[] content) {
        List<List<Line>> pages;
        try (PDDocument pdf = Loader.loadPDF(content)) {
            Collector collector = new Collector();
            collector.setSortByPosition(true);
            collector.writeText(pdf, Writer.nullWriter());
            pages = collector.pages;
        } catch (InvalidPasswordException e) {
            throw new PlanParseException("PDF 文件已加密, 需要密码才能打开: 请提供未加密的文件");
        } catch (IOException | RuntimeException e) {
            throw new PlanParseException("PDF 文件已损坏, 无法读取: 请重新导出 PDF, 或提供 .docx 或文本");
        }
        List<Line> lines = withoutFurniture(pages);
        if (lines.isEmpty()) {
            throw new PlanParseException("PDF 中没有可提取的文字 (可能是扫描件): 请提供文字版 PDF、.docx 或文本");
        }
        return blocks(lines);
    }

    /** Collects the text of each page as lines of chunks, from the stripper's words in reading order. */
    private static final class Collector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();

        @Override
        protected void startPage(PDPage page) {
            pages.add(new ArrayList<>());
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (text.isBlank() || positions.isEmpty()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            Chunk chunk = new Chunk(text.strip(), first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj());
            float size = Math.max(1, first.getFontSizeInPt());
            List<Line> page = pages.get(pages.size() - 1);
            Line line = page.isEmpty() ? null : page.get(page.size() - 1);
            if (line != null && Math.abs(line.y() - first.getYDirAdj()) <= line.size() / 2) {
                line.chunks().add(chunk);
            } else {
                page.add(new Line(pages.size() - 1, first.getYDirAdj(), size, new ArrayList<>(List.of(chunk))));
            }
        }
    }

    /**
     * Every page's lines in order, less its furniture: at the top and the bottom of a page, bare page numbers and
     * lines that stand at the same height, page numbers aside, on most pages.
     */
    private static List<Line> withoutFurniture(List<List<Line>> pages) {
        List<List<Line>> merged = pages.stream().map(p -> p.stream().map(PdfReader::mergeClose).toList()).toList();
        Map<String, Integer> atEdge = new HashMap<>();
        for (List<Line> page : merged) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < page.size(); i++) {
                if (onEdge(i, page.size())) {
                    keys.add(key(page.get(i)));
                }
            }
            keys.forEach(k -> atEdge.merge(k, 1, Integer::sum));
        }
        int most = Math.max(2, (merged.size() + 1) / 2);
        List<Line> lines = new ArrayList<>();
        for (List<Line> page : merged) {
            for (int i = 0; i < page.size(); i++) {
                Line line = page.get(i);
                boolean furniture = onEdge(i, page.size())
                        && (PAGE_NUMBER.matcher(line.text()).matches() || atEdge.get(key(line)) >= most);
                if (!furniture) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static boolean onEdge(int index, int lines) {
        return index < EDGE || index >= lines - EDGE;
    }

    /** What a running header or footer keeps from page to page: its text, page number aside, and its height. */
    private static String key(Line line) {
        return PAGE_NUMBER_PART.matcher(line.text()).replaceAll("#").replaceAll("\\s+", "") + "@" + Math.round(line.y());
    }

    /** A line's chunks from left to right, those less than a character apart joined: what is left are columns. */
    private static Line mergeClose(Line line) {
        List<Chunk> sorted = new ArrayList<>(line.chunks());
        sorted.sort(Comparator.comparingDouble(Chunk::x));
        List<Chunk> chunks = new ArrayList<>();
        for (Chunk c : sorted) {
            Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            float gap = last == null ? Float.MAX_VALUE : c.x() - last.end();
            if (gap < line.size() * 0.8f) {
                String glue = gap > line.size() * 0.2f ? " " : "";
                chunks.set(chunks.size() - 1, new Chunk(last.text() + glue + c.text(), last.x(), Math.max(last.end(), c.end())));
            } else {
                chunks.add(c);
            }
        }
        return new Line(line.page(), line.y(), line.size(), chunks);
    }

    /** Runs of lines in columns become tables, the other lines paragraphs. */
    private static List<Block> blocks(List<Line> lines) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int end = tableEnd(lines, i);
            if (end > i) {
                blocks.addAll(DocumentReader.lines(text.toString()));
                text.setLength(0);
                blocks.add(new Block.Grid(grid(lines.subList(i, end))));
                i = end;
            } else {
                text.append(lines.get(i++).text()).append('\n');
            }
        }
        blocks.addAll(DocumentReader.lines(text.toString()));
        return blocks;
    }

    /**
     * Where the table that starts at line {@code start} ends, or {@code start} when none does: the first line has
     * three or more columns and at least one more line does too; lines that follow stay in the table while each of
     * their chunks fits in a column and they have three columns or follow closely (a cell's text wrapping).
     */
    private static int tableEnd(List<Line> lines, int start) {
        List<Chunk> columns = lines.get(start).chunks();
        if (columns.size() < 3) {
            return start;
        }
        int end = start + 1;
        int rows = 1;
        while (end < lines.size()) {
            Line line = lines.get(end);
            Line above = lines.get(end - 1);
            boolean fits = line.chunks().stream().allMatch(c -> column(columns, c, line.size()) >= 0);
            boolean close = line.page() != above.page() || line.y() - above.y() <= 2 * line.size(); // or a new page's first
            if (!fits || line.chunks().size() < 3 && !close) {
                break;
            }
            if (line.chunks().size() >= 3) {
                rows++;
            }
            end++;
        }
        return rows >= 2 ? end : start;
    }

    /** The column (by the first line's chunks) a chunk stands in, or -1 when it starts before or runs past it. */
    private static int column(List<Chunk> columns, Chunk chunk, float size) {
        for (int k = columns.size() - 1; k >= 0; k--) {
            if (chunk.x() >= columns.get(k).x() - size) {
                boolean last = k == columns.size() - 1;
                return last || chunk.end() <= columns.get(k + 1).x() + size / 2 ? k : -1;
            }
        }
        return -1;
    }

    /** The table's cells: a line with text in the first column, or in three columns, starts a row; others wrap. */
    private static List<List<String>> grid(List<Line> lines) {
        List<Chunk> columns = lines.get(0).chunks();
        List<String[]> rows = new ArrayList<>();
        for (Line line : lines) {
            List<Integer> at = line.chunks().stream().map(c -> column(columns, c, line.size())).toList();
            if (rows.isEmpty() || at.contains(0) || at.size() >= 3) {
                String[] row = new String[columns.size()];
                Arrays.fill(row, "");
                rows.add(row);
            }
            String[] row = rows.get(rows.size() - 1);
            for (int k = 0; k < at.size(); k++) {
                String cell = row[at.get(k)];
                row[at.get(k)] = (cell.isEmpty() ? "" : cell + "\n") + line.chunks().get(k).text(); // cellText joins wrapped lines
            }
        }
        List<List<String>> grid = new ArrayList<>();
        for (String[] row : rows) {
            List<String> cells = Arrays.stream(row).map(DocumentReader::cellText).toList();
            if (grid.isEmpty() || !cells.equals(grid.get(0)) || !Columns.isHeader(cells)) { // a header repeated on a new page
                grid.add(cells);
            }
        }
        return grid;
    }
}
