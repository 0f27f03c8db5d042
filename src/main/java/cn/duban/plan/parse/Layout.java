package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.duban.plan.parse.Block.GluedHeader;
import cn.duban.plan.parse.Block.Grid;
import cn.duban.plan.parse.Block.Line;
import cn.duban.plan.parse.Block.Table;

/**
 * The layout stage between the readers and the parser: where the blocks a reader produced hold tables. A run of
 * lines may be a table copied as text ({@link TableRebuilder}: cells per line, pipe rows, bars, aligned columns), a
 * table without a header (pipe rows), a space-separated table whose blank cells vanished, or a header whose column
 * names run together; a grid is a table whose header row is found, the rows above it lines before it.
 */
final class Layout {

    private static final Pattern SPARSE_ROW = Pattern.compile("^\\d{1,4}\\s+\\S.*$");

    private Layout() {}

    static List<Block> of(List<Block> read) {
        List<Block> blocks = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (Block block : read) {
            if (block instanceof Line line) {
                run.add(line.text());
            } else {
                lines(run, blocks);
                run.clear();
                blocks.addAll(block instanceof Grid grid ? table(grid.cells()) : List.of(block));
            }
        }
        lines(run, blocks);
        return blocks;
    }

    /** A run of lines: the tables copied into it rebuilt, the other lines kept (empty ones dropped). */
    private static void lines(List<String> lines, List<Block> blocks) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            TableRebuilder.Rebuilt rebuilt = TableRebuilder.at(lines, i);
            if (rebuilt != null) {
                blocks.add(rebuilt.table());
                i = rebuilt.next();
            } else if (line.isEmpty()) {
                i++;
            } else if (isPipeRow(line)) {
                List<List<String>> rows = new ArrayList<>();
                // rows without a header, up to a header row (which starts a table of its own)
                while (i < lines.size() && isPipeRow(lines.get(i))
                        && !Columns.isHeader(TableRebuilder.pipeCells(lines.get(i)))) {
                    rows.add(TableRebuilder.pipeCells(lines.get(i++)));
                }
                blocks.add(new Table(List.of(), rows, false));
            } else if (spacedHeader(line) != null) {
                List<String> header = spacedHeader(line);
                List<List<String>> rows = new ArrayList<>();
                i++;
                while (i < lines.size() && (lines.get(i).isEmpty() || SPARSE_ROW.matcher(lines.get(i)).matches())) {
                    if (!lines.get(i).isEmpty()) {
                        rows.add(List.of(lines.get(i).split("\\s+")));
                    }
                    i++;
                }
                blocks.add(new Table(header, rows, true));
            } else if (Columns.glued(line) != null) {
                blocks.add(new GluedHeader(Columns.glued(line)));
                i++;
            } else {
                blocks.add(new Line(Normalizer.line(line)));
                i++;
            }
        }
    }

    private static boolean isPipeRow(String line) {
        return line.chars().filter(c -> c == '|').count() >= 2;
    }

    /** A header whose column names are separated by spaces (序号 一级栏目 … 负责科室), or null. */
    private static List<String> spacedHeader(String line) {
        String[] tokens = line.split("\\s+");
        if (tokens.length < 3) {
            return null;
        }
        List<String> header = List.of(tokens);
        return header.stream().allMatch(Columns::isName) && Columns.isHeader(header) ? header : null;
    }

    /** A grid of cells as a table; rows above its header row (a title, say) become lines before it. */
    private static List<Block> table(List<List<String>> grid) {
        int header = -1;
        for (int r = 0; r < Math.min(10, grid.size()); r++) {
            if (Columns.isHeader(grid.get(r))) {
                header = r;
                break;
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int r = 0; r < header; r++) {
            String line = String.join(" ", grid.get(r).stream().filter(c -> !c.isEmpty()).distinct().toList());
            if (!line.isEmpty()) {
                blocks.add(new Line(line));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = header + 1; r < grid.size(); r++) {
            if (grid.get(r).stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(grid.get(r));
            }
        }
        blocks.add(new Table(header >= 0 ? grid.get(header) : List.of(), rows, false));
        return blocks;
    }
}
