package cn.duban.plan.parse;

import java.awt.geom.Point2D;
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
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text of a PDF (PDFBox) in reading order: page headers and footers dropped, and where lines of text
 * stand in columns (a table), the table rebuilt from the text's x-positions, its rows from the rules drawn between
 * them when it has any.
 */
final class PdfReader {

    /** A page number as headers and footers print it: 第 3 页 (共 10 页), - 3 -, 3/10, Page 3 (of 10). */
    private static final String PAGE = "(共\\s*\\d{1,4}\\s*页\\s*)?第\\s*\\d{1,4}\\s*页([,，\\s]*共\\s*\\d{1,4}\\s*页)?"
            + "|[-—–－]\\s*\\d{1,4}\\s*[-—–－]|\\d{1,4}\\s*/\\s*\\d{1,4}|page\\s*\\d{1,4}(\\s*of\\s*\\d{1,4})?";
    private static final Pattern PAGE_NUMBER_PART = Pattern.compile("(?i)" + PAGE);
    /** A line that is only a page number. */
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^\\s*(" + PAGE + ")\\s*$");
    /** A bare number: a page number only as a page's first or last line (else a table cell's wrapped end, say). */
    /** How a numbered item, a heading or a part opens: a line so opening starts a paragraph of its own. */
    private static final Pattern OPENS = Pattern.compile(
            "^\\s*(?:\\d{1,3}\\s*[.、)](?!\\d)|[一二三四五六七八九十]{1,3}\\s*、|\\([一二三四五六七八九十\\d]{1,3}\\)|[①-⑳]|第[一二三四五六七八九十]{1,3}[条章部篇])");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\s*\\d{1,4}\\s*$");
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

    /** A horizontal line drawn on a page from {@code from} to {@code to} at height {@code y} (from the top). */
    private record Rule(float from, float to, float y) {}

    private PdfReader() {}

    static List<Block> read(byte[] content) {
        Collector collector = new Collector();
        try (PDDocument pdf = Loader.loadPDF(content)) {
            collector.setSortByPosition(true);
            collector.writeText(pdf, Writer.nullWriter());
        } catch (InvalidPasswordException e) {
            throw new PlanParseException("PDF 文件已加密, 需要密码才能打开: 请提供未加密的文件");
        } catch (IOException | RuntimeException e) {
            throw new PlanParseException("PDF 文件已损坏, 无法读取: 请重新导出 PDF, 或提供 .docx 或文本");
        }
        List<Line> lines = withoutFurniture(collector.pages);
        if (lines.isEmpty()) {
            throw new PlanParseException("PDF 中没有可提取的文字 (可能是扫描件): 请提供文字版 PDF、.docx 或文本");
        }
        return blocks(lines, collector.rules);
    }

    /** Collects the text of each page as lines of chunks, from the stripper's words in reading order, and its rules. */
    private static final class Collector extends PDFTextStripper {
        final List<List<Line>> pages = new ArrayList<>();
        final List<List<Rule>> rules = new ArrayList<>();

        @Override
        protected void startPage(PDPage page) {
            pages.add(new ArrayList<>());
        }

        /** The page's rules, drawn only where its lines may stand in three columns (a table). */
        @Override
        protected void endPage(PDPage page) {
            boolean columns = pages.get(pages.size() - 1).stream().anyMatch(l -> l.chunks().size() >= 3);
            rules.add(columns ? Rules.of(page) : List.of());
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

    /** The horizontal lines a page draws: stroked lines and rectangles' edges, and rectangles filled as thin bars. */
    private static final class Rules extends PDFGraphicsStreamEngine {
        private final float top;
        private final List<float[]> segments = new ArrayList<>(); // x1, y1, x2, y2 of the current path
        private final List<float[]> rectangles = new ArrayList<>(); // x1, y1, x2, y2
        private final List<Rule> found = new ArrayList<>();
        private Point2D current = new Point2D.Float();
        private Point2D start = current;

        private Rules(PDPage page) {
            super(page);
            top = page.getCropBox().getUpperRightY();
        }

        static List<Rule> of(PDPage page) {
            Rules rules = new Rules(page);
            try {
                rules.processPage(page);
            } catch (IOException | RuntimeException e) {
                return List.of(); // a page whose drawing cannot be read has no rules: its text is read all the same
            }
            return rules.found;
        }

        @Override
        public void moveTo(float x, float y) {
            current = start = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            segments.add(new float[] {(float) current.getX(), (float) current.getY(), x, y});
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles.add(new float[] {(float) Math.min(p0.getX(), p2.getX()), (float) Math.min(p0.getY(), p2.getY()),
                    (float) Math.max(p0.getX(), p2.getX()), (float) Math.max(p0.getY(), p2.getY())});
            current = start = p0;
        }

        @Override
        public void closePath() {
            lineTo((float) start.getX(), (float) start.getY());
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void strokePath() {
            for (float[] s : segments) {
                horizontal(s[0], s[2], s[1], s[3]);
            }
            for (float[] r : rectangles) {
                horizontal(r[0], r[2], r[1], r[1]);
                horizontal(r[0], r[2], r[3], r[3]);
            }
            endPath();
        }

        @Override
        public void fillPath(int windingRule) {
            for (float[] r : rectangles) {
                if (r[3] - r[1] <= 2) {
                    horizontal(r[0], r[2], r[1], r[1]);
                }
            }
            endPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void endPath() {
            segments.clear();
            rectangles.clear();
        }

        private void horizontal(float x1, float x2, float y1, float y2) {
            if (Math.abs(y1 - y2) < 0.5f && Math.abs(x2 - x1) > 1) {
                found.add(new Rule(Math.min(x1, x2), Math.max(x1, x2), top - y1));
            }
        }

        @Override
        public void clip(int windingRule) {}

        @Override
        public void drawImage(PDImage pdImage) {}

        @Override
        public void shadingFill(COSName shadingName) {}
    }

    /**
     * Every page's lines in order, less its furniture: at the top and the bottom of a page, page numbers (a bare
     * number only as the page's outermost line) and lines that stand at the same height, page numbers aside, on
     * most pages.
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
                boolean outermost = i == 0 || i == page.size() - 1;
                boolean furniture = onEdge(i, page.size()) && (PAGE_NUMBER.matcher(line.text()).matches()
                        || outermost && BARE_NUMBER.matcher(line.text()).matches() || atEdge.get(key(line)) >= most);
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

    /**
     * Runs of lines in columns become tables, the other lines paragraphs: a line that runs to the right margin wraps
     * onto the next one (unless that one opens with a number or a heading's mark), a shorter one ends its paragraph.
     */
    private static List<Block> blocks(List<Line> lines, List<List<Rule>> rules) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        float margin = (float) lines.stream().mapToDouble(l -> l.chunks().get(l.chunks().size() - 1).end()).max().orElse(0);
        int i = 0;
        while (i < lines.size()) {
            int end = tableEnd(lines, i);
            if (end > i) {
                blocks.addAll(DocumentReader.lines(text.toString()));
                text.setLength(0);
                blocks.add(new Block.Grid(grid(lines.subList(i, end), rules)));
                i = end;
            } else {
                Line line = lines.get(i++);
                boolean wraps = line.chunks().get(line.chunks().size() - 1).end() >= margin - 1.5f * line.size()
                        && i < lines.size() && tableEnd(lines, i) == i && !OPENS.matcher(lines.get(i).text()).find();
                text.append(line.text()).append(wraps ? "" : "\n");
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

    /**
     * Whether a rule across most of the table ({@code left} to {@code right}: its first and last column) lies
     * between {@code above} and {@code line}, or on a new page in the lines' height above {@code line}.
     */
    private static boolean ruleAbove(Line above, Line line, List<List<Rule>> rules, float left, float right) {
        float from = above.page() == line.page() ? above.y() : line.y() - 3 * line.size();
        return rules.get(line.page()).stream().anyMatch(r -> r.y() > from && r.y() < line.y()
                && r.to() - r.from() >= (right - left) / 2 && r.from() < right && r.to() > left);
    }

    /**
     * The table's cells. In a ruled table a rule across the table above a line starts a row; in one without rules a
     * line with text in the first column, or in three columns, does. Other lines wrap their cells' text.
     */
    private static List<List<String>> grid(List<Line> lines, List<List<Rule>> rules) {
        List<Chunk> columns = lines.get(0).chunks();
        float left = columns.get(0).x();
        float right = columns.get(columns.size() - 1).x();
        boolean ruled = false;
        for (int i = 1; i < lines.size() && !ruled; i++) {
            ruled = ruleAbove(lines.get(i - 1), lines.get(i), rules, left, right);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<Integer> at = line.chunks().stream().map(c -> column(columns, c, line.size())).toList();
            boolean starts = ruled ? i > 0 && ruleAbove(lines.get(i - 1), line, rules, left, right)
                    : at.contains(0) || at.size() >= 3;
            if (rows.isEmpty() || starts) {
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
