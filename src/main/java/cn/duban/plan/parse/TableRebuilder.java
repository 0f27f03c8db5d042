package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.duban.plan.parse.Block.Table;
import cn.duban.plan.parse.UnitPhrases.Role;

/**
 * Rebuilds a table's grid from the text that copying a web or Word table produces, starting at its header row:
 * pipe rows ({@code a | b | c |}, {@code |a|b||}, Markdown), one cell per line with {@code |} lines between, one cell
 * per line each ending {@code |}, one cell per line with no separator at all, tab-separated rows, or columns aligned
 * with spaces. Rows whose cells went missing (a merged cell shown only on its group's first row, an empty cell that
 * vanished) are realigned to the header's columns by what their cells hold (a number, a list of units, a deadline,
 * a heading, task text); a group's merged cells on the left are filled down from the row above. No Spring needed.
 */
final class TableRebuilder {

    /** A rebuilt table and the index of the first line after it. */
    record Rebuilt(Table table, int next) {}

    /** What a cell holds, judged from its text. */
    enum Content { NUMBER, HEADING, UNITS, DEADLINE, TEXT }

    private enum Separator { BAR_LINES, TRAILING_BAR, NONE }

    private static final Pattern NUMBER = Pattern.compile("^\\d{1,4}[.、]?$");
    /** How a chapter or section heading starts (一、 (一) 第一部分…). */
    static final Pattern HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}\\s*[、.]|\\([一二三四五六七八九十]{1,3}\\)|第[一二三四五六七八九十]{1,3}[部分章条])");
    private static final Pattern RULE = Pattern.compile("[|:=+\\- ]*");
    private static final int MAX_CELL_LINES = 20;
    /** A text cell continuing the one before it (a cell split over lines); any other cell only when it must. */
    private static final double JOIN = -1;
    private static final double FORCED_JOIN = -6;

    private TableRebuilder() {}

    /** The table whose header row starts at line {@code i} (lines stripped), or null when no header starts there. */
    static Rebuilt at(List<String> lines, int i) {
        if (lines.get(i).isEmpty()) {
            return null;
        }
        List<String> first = pipeCells(lines.get(i));
        if (lines.get(i).indexOf('|') >= 0 && first.size() >= 2) {
            return Columns.isHeader(first) ? pipeTable(lines, i, first) : null;
        }
        List<String> spaced = spacedCells(lines.get(i));
        if (spaced.size() >= 2 && spaced.stream().allMatch(Columns::isName) && Columns.isHeader(spaced)) {
            return spacedTable(lines, i, spaced);
        }
        return verticalTable(lines, i);
    }

    // ---- whitespace-aligned columns ----------------------------------------------------------------------------

    private static final Pattern COLUMN_GAP = Pattern.compile("\\t| {2,}");

    /** Cells set apart by tabs (a spreadsheet or Word table copied: empty cells keep their place) or runs of spaces. */
    private static List<String> spacedCells(String line) {
        if (line.indexOf('\t') >= 0) {
            List<String> cells = new ArrayList<>(Stream.of(line.split("\t", -1)).map(Normalizer::line).toList());
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return cells;
        }
        return Stream.of(COLUMN_GAP.split(line.strip())).map(Normalizer::line).filter(c -> !c.isEmpty()).toList();
    }

    /** Rows of cells set apart by runs of spaces or tabs, up to the first line that is not such a row. */
    private static Rebuilt spacedTable(List<String> lines, int start, List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        int i = start + 1;
        int end = i;
        for (; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> cells = spacedCells(lines.get(i));
            if (cells.size() < 2) {
                break;
            }
            rows.add(cells);
            end = i + 1;
        }
        return new Rebuilt(new Table(header, align(header, rows, true), false), end);
    }

    // ---- pipe rows ---------------------------------------------------------------------------------------------

    private static Rebuilt pipeTable(List<String> lines, int start, List<String> header) {
        boolean closed = lines.get(start).endsWith("|"); // rows end with a bar: one that does not goes on below
        List<List<String>> rows = new ArrayList<>();
        int i = start + 1;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (RULE.matcher(line).matches()) {
                continue; // a blank line, a row of bars between rows, a rule under the header (|---|:--|)
            }
            if (line.indexOf('|') < 0 || PlanParser.footer(k -> line(lines, k), i)) {
                break;
            }
            for (int more = 0; closed && !line.endsWith("|") && i + 1 < lines.size() && more < MAX_CELL_LINES
                    && !lines.get(i + 1).isEmpty(); more++) {
                line += lines.get(++i); // a cell's text over several lines
            }
            List<String> cells = pipeCells(line);
            if (!cells.equals(header)) {
                rows.add(cells);
            }
        }
        return new Rebuilt(new Table(header, align(header, rows, true), false), i);
    }

    private static String line(List<String> lines, int at) {
        return at < lines.size() ? lines.get(at) : "";
    }

    static List<String> pipeCells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("\\|", -1)) {
            cells.add(Normalizer.line(cell));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        while (!cells.isEmpty() && cells.get(0).isEmpty()) {
            cells.remove(0);
        }
        return cells;
    }

    // ---- one cell per line -------------------------------------------------------------------------------------

    /** A cell read from one or more lines, and the line it starts on. */
    private record Cell(String text, int line) {}

    private static Rebuilt verticalTable(List<String> lines, int start) {
        List<String> header = new ArrayList<>();
        Separator separator = Separator.NONE;
        int i = start;
        for (; i < lines.size() && header.size() < 12; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("|")) {
                separator = Separator.BAR_LINES;
                continue;
            }
            String name = line.endsWith("|") ? line.substring(0, line.length() - 1).strip() : line;
            if (!Columns.isName(name)) {
                break;
            }
            if (line.endsWith("|")) {
                separator = Separator.TRAILING_BAR;
            }
            header.add(name);
        }
        if (header.size() < 2 || !Columns.isHeader(header)) {
            return null;
        }
        boolean numbered = Columns.of(header.get(0)).orElse(null) == Columns.NUMBER;
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int cellStart = -1;
        int end = i; // the first line after the last complete row
        int sinceSeparator = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (PlanParser.footer(k -> line(lines, k), i)) {
                break; // the site's footer after the last row
            }
            if (separator == Separator.BAR_LINES && line.equals("|")) {
                if (cell.isEmpty() && !row.isEmpty()) {
                    rows.add(row); // two bars in a row: the row ended
                    row = new ArrayList<>();
                    end = i + 1;
                } else if (!cell.isEmpty()) {
                    row.add(new Cell(cell.toString(), cellStart));
                }
                cell.setLength(0);
                sinceSeparator = 0;
                continue;
            }
            if (separator != Separator.NONE && ++sinceSeparator > MAX_CELL_LINES) {
                break;
            }
            cellStart = cell.isEmpty() ? i : cellStart;
            cell.append(Normalizer.line(line.endsWith("|") ? line.substring(0, line.length() - 1) : line));
            if (separator == Separator.BAR_LINES || separator == Separator.TRAILING_BAR && !line.endsWith("|")) {
                continue;
            }
            sinceSeparator = 0;
            Cell read = new Cell(cell.toString(), cellStart);
            cell.setLength(0);
            if (read.text().equals(header.get(0)) && startsHeader(lines, i, header)) {
                // the header repeats (a new page, a second part): this table ends, the next one starts there
                end = i;
                List<Cell> last = !row.isEmpty() ? row : rows.isEmpty() ? List.of() : rows.get(rows.size() - 1);
                int caption = captionAt(last, header);
                if (caption >= 0) {
                    end = last.get(caption).line();
                    last.subList(caption, last.size()).clear();
                }
                if (!row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                break;
            }
            Content content = content(read.text());
            if (numbered && content == Content.NUMBER) {
                if (!row.isEmpty()) {
                    rows.add(row); // a number starts the next row
                }
                row = new ArrayList<>();
                end = i;
            } else if (numbered && row.isEmpty()) {
                break; // a numbered table ends where a row does not start with a number
            }
            row.add(read);
            if (!numbered && (closesRow(header, read.text()) || row.size() == header.size())) {
                rows.add(row);
                row = new ArrayList<>();
                end = i + 1;
            }
        }
        if (separator == Separator.BAR_LINES && !cell.isEmpty()) {
            row.add(new Cell(cell.toString(), cellStart));
        }
        if (!row.isEmpty() && (separator == Separator.BAR_LINES || numbered)) {
            // the last row: in a numbered table it ends at its units or deadline, and what follows is no table
            int closing = separator == Separator.BAR_LINES ? -1 : firstClosing(row, header);
            if (closing >= 0 && closing + 1 < row.size()) {
                end = row.get(closing + 1).line();
                row.subList(closing + 1, row.size()).clear();
            } else {
                end = i;
            }
            rows.add(row);
        }
        List<List<String>> texts = rows.stream().map(r -> r.stream().map(Cell::text).toList())
                .filter(r -> !r.equals(header)).toList(); // the header repeated between rows
        return rows.isEmpty() ? null
                : new Rebuilt(new Table(header, align(header, texts, separator == Separator.BAR_LINES), false), end);
    }

    /**
     * Where the caption of a table's next part starts in the row just before the header repeats, or -1: text after
     * the row's units or deadline, a text cell alone, or a second text cell after the row's own text.
     */
    private static int captionAt(List<Cell> row, List<String> header) {
        int closing = lastClosing(row, header);
        if (closing >= 0) {
            boolean prose = closing + 1 < row.size()
                    && row.subList(closing + 1, row.size()).stream().allMatch(c -> prose(c.text()));
            return prose ? closing + 1 : -1;
        }
        int n = row.size();
        if (n == 1 && prose(row.get(0).text())) {
            return 0;
        }
        return n >= 3 && prose(row.get(n - 1).text()) && prose(row.get(n - 2).text()) ? n - 1 : -1;
    }

    private static boolean startsHeader(List<String> lines, int i, List<String> header) {
        List<String> names = new ArrayList<>();
        for (int j = i; j < lines.size() && names.size() < header.size(); j++) {
            String line = lines.get(j).replaceAll("\\|$", "").strip();
            if (!line.isEmpty()) {
                names.add(line);
            }
        }
        return names.equals(header);
    }

    private static int firstClosing(List<Cell> row, List<String> header) {
        for (int c = 1; c < row.size(); c++) {
            if (closesRow(header, row.get(c).text())) {
                return c;
            }
        }
        return -1;
    }

    private static int lastClosing(List<Cell> row, List<String> header) {
        int closing = -1;
        for (int c = 0; c < row.size(); c++) {
            closing = closesRow(header, row.get(c).text()) ? c : closing;
        }
        return closing;
    }

    private static boolean prose(String cell) {
        Content content = content(cell);
        return content == Content.TEXT || content == Content.HEADING;
    }

    /** A cell that fills the last column holding units or a deadline ends its row when nothing separates rows. */
    private static boolean closesRow(List<String> header, String cell) {
        for (int c = header.size() - 1; c >= 0; c--) {
            Columns role = Columns.of(header.get(c)).orElse(Columns.OTHER);
            if (role.units()) {
                return content(cell) == Content.UNITS;
            }
            if (role == Columns.DEADLINE || role == Columns.FREQUENCY) {
                return content(cell) == Content.DEADLINE;
            }
            if (role != Columns.OTHER) {
                return false;
            }
        }
        return false;
    }

    // ---- realignment -------------------------------------------------------------------------------------------

    /**
     * Places every row's cells under the header's columns. A row of delimited cells as wide as the header stays as
     * it is; any other row goes where its cells' contents fit best, in order, a text cell perhaps continuing the
     * cell before it; the columns left empty before its first cell (a merged cell of its group) take the value of
     * the row above.
     */
    static List<List<String>> align(List<String> header, List<List<String>> rows, boolean delimited) {
        List<Columns> roles = header.stream().map(h -> Columns.of(h).orElse(Columns.OTHER)).toList();
        List<List<String>> grid = new ArrayList<>();
        List<String> above = List.of();
        for (List<String> cells : rows) {
            List<String> row;
            if (delimited && cells.size() == roles.size()) {
                row = cells;
            } else {
                row = place(cells, roles);
                for (int c = 0; c < row.size() && row.get(c).isEmpty(); c++) {
                    if (c < above.size() && roles.get(c) != Columns.NUMBER) {
                        row.set(c, above.get(c));
                    }
                }
            }
            grid.add(row);
            above = row;
        }
        return grid;
    }

    /**
     * The best placement of a row's cells, keeping their order (a small dynamic programme): {@code best[i][j]} is the
     * best score of the first i cells with the last of them in column j - 1.
     */
    private static List<String> place(List<String> cells, List<Columns> roles) {
        int n = cells.size();
        int m = roles.size();
        int lastText = roles.lastIndexOf(Columns.TASK);
        double[][] best = new double[n + 1][m + 1];
        int[][] from = new int[n + 1][m + 1];
        for (double[] b : best) {
            java.util.Arrays.fill(b, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 0; i < n; i++) {
            Content content = content(cells.get(i));
            for (int j = 0; j <= m; j++) {
                if (best[i][j] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double join = best[i][j] + (joins(content, roles.get(Math.max(0, j - 1))) ? JOIN : FORCED_JOIN);
                if (j > 0 && join > best[i + 1][j]) {
                    best[i + 1][j] = join;
                    from[i + 1][j] = j;
                }
                for (int k = j; k < m; k++) {
                    double score = best[i][j] + fit(content, roles.get(k), k == lastText);
                    if (score > best[i + 1][k + 1]) {
                        best[i + 1][k + 1] = score;
                        from[i + 1][k + 1] = j;
                    }
                }
            }
        }
        int j = 0;
        for (int k = 1; k <= m; k++) {
            j = best[n][k] > best[n][j] ? k : j;
        }
        int[] column = new int[n];
        for (int i = n; i > 0; i--) {
            column[i - 1] = j - 1;
            j = from[i][j];
        }
        StringBuilder[] row = new StringBuilder[m];
        for (int k = 0; k < m; k++) {
            row[k] = new StringBuilder();
        }
        for (int i = 0; i < n; i++) {
            row[column[i]].append(cells.get(i));
        }
        List<String> placed = new ArrayList<>(m);
        for (StringBuilder b : row) {
            placed.add(b.toString());
        }
        return placed;
    }

    private static boolean joins(Content content, Columns role) {
        return (content == Content.TEXT || content == Content.HEADING)
                && (role == Columns.TASK || role == Columns.CHAPTER || role == Columns.LEVEL);
    }

    /** How well a cell of some content fits a column of some role. */
    private static double fit(Content content, Columns role, boolean lastText) {
        boolean text = role == Columns.TASK || role == Columns.CHAPTER || role == Columns.LEVEL;
        boolean deadline = role == Columns.DEADLINE || role == Columns.FREQUENCY;
        return switch (content) {
            case NUMBER -> role == Columns.NUMBER ? 4 : text ? 0 : -5;
            case HEADING -> role == Columns.CHAPTER || role == Columns.TASK && !lastText ? 3 : text ? 1 : -5;
            case UNITS -> role.units() ? 4 : role == Columns.OTHER ? 0.5 : text ? 0 : -5;
            case DEADLINE -> deadline ? 4 : role == Columns.OTHER ? 1 : text ? 0 : -5;
            case TEXT -> lastText ? 2 : text ? 1 : deadline ? -1 : role == Columns.OTHER ? -1.5 : -3;
        };
    }

    /** What a cell holds: a row number, a heading (一、 (一) 第一部分), a list of units, a deadline, or text. */
    static Content content(String cell) {
        String c = cell.strip();
        if (NUMBER.matcher(c).matches()) {
            return Content.NUMBER;
        }
        if (HEADING.matcher(c).find()) {
            return Content.HEADING;
        }
        boolean units = unitList(c);
        if (c.length() <= 40 && !c.contains("。") && !units && Deadlines.timed(c)) {
            return Content.DEADLINE;
        }
        return units ? Content.UNITS : Content.TEXT;
    }

    /** Whether a cell lists units: short, no sentence, and most names it yields end like a unit or name a group. */
    private static boolean unitList(String c) {
        if (c.isEmpty() || c.length() > 80 || c.contains("。")) {
            return false;
        }
        UnitPhrases.Units units = UnitPhrases.parse(c, Role.RESPONSIBLE);
        List<String> names = new ArrayList<>(units.lead());
        names.addAll(units.responsible());
        names.addAll(units.cooperating());
        long like = names.stream().map(n -> n.replaceAll("\\([^()]*\\)$", ""))
                .filter(n -> n.length() <= 25 && (UnitPhrases.unitEnding(n) || n.startsWith("各"))).count();
        return !names.isEmpty() && like * 2 >= names.size();
    }
}
