package cn.duban.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.parser.DecisionTableParser;
import org.drools.decisiontable.parser.RuleSheetParserUtil;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

import cn.duban.system.ApiException;
import cn.duban.system.Folders.FileText;

/**
 * What the office (ADMIN, not OPERATOR) may change in the rules: the values of a decision table in force. Drools
 * pastes a data cell into its column's code snippet ({@code insert(new Remind($w, "$param"))}), so everything but
 * the data rows — RuleSet, Import and the other rows before the tables, each RuleTable row with its CONDITION/ACTION,
 * object-type, code and label rows, the rows between tables — must read exactly as in the table in force, and each
 * data cell must be a value of its column's type. Data rows may be changed, added and removed. Cells are read with
 * Drools' own parsers, as the compiler reads them (an .xlsx: its first sheet).
 */
final class DecisionTables {

    private DecisionTables() {}

    /** What a data cell, or one comma-separated part of it, may hold. */
    enum Type {
        INTEGER("整数", v -> v.matches("\\d{1,5}")),
        LEVEL("升级级别 1、2 或 3", v -> v.matches("[123]")),
        KIND("提醒类型 (" + String.join("、", Remind.KINDS) + ")", Remind.KINDS::contains),
        CAUSE("考评项 (" + String.join("、", UnitYear.CAUSES) + ")", UnitYear.CAUSES::contains),
        POINTS("分值 (整数, 扣分为负数)", v -> v.matches("-?\\d{1,5}")),
        TEXT("文字 (汉字、字母、数字、空格或 ，。、：（）, 至多 40 字)", v -> v.matches("[\\p{L}\\p{N} ，。、：（）]{1,40}"));

        final String label;
        final Predicate<String> accepts;

        Type(String label, Predicate<String> accepts) {
            this.label = label;
            this.accepts = accepts;
        }
    }

    /**
     * The types of an action's placeholders ($param, or $1, $2… in order), by the fact it inserts. A condition's
     * placeholders take integers (the tables compare days, points and counts), but a cause of the 考评 where the
     * condition asks whether it {@code happened}; a snippet without placeholders is switched on by any text in its cell.
     */
    private static final Map<String, List<Type>> ACTIONS = Map.of(
            "Remind", List.of(Type.KIND), "Escalate", List.of(Type.LEVEL, Type.TEXT), "Colour", List.of(),
            "ScoreLine", List.of(Type.POINTS));

    private static final Pattern INSERTED = Pattern.compile("new\\s+(\\w+)\\s*\\(");
    private static final Pattern INDEXED = Pattern.compile("\\$(\\d+)");

    /** A non-empty cell as Drools reads it: trimmed text and the first column of its merged stretch. */
    private record Cell(String value, int mergedFrom) {}

    /** A row of the sheet: its 0-based index and its non-empty cells by 0-based column. */
    private record Row(int index, SortedMap<Integer, Cell> cells) {
        boolean isEmpty() {
            return cells.isEmpty();
        }
    }

    /**
     * A table's rows: the fixed ones (all but data), and the data rows of each RuleTable by the index among the fixed
     * rows of its label row (the fourth after the RuleTable row).
     */
    private record Layout(List<Row> fixed, Map<Integer, List<Row>> data) {}

    /**
     * Refuses an upload by someone who may change only values: 403 for a .drl file or a table not in force (only an
     * operator adds rule files), 400 naming the row and column of the first header difference or of a bad cell.
     */
    static void requireValuesOnly(String name, Optional<FileText> inForce, byte[] upload) {
        if (!name.endsWith(".drl.csv") && !name.endsWith(".drl.xlsx")) {
            throw ApiException.forbidden("只有系统运维 (OPERATOR) 可以上传 .drl 规则文件: " + name);
        }
        if (inForce.isEmpty()) {
            throw ApiException.forbidden("只有系统运维 (OPERATOR) 可以添加规则文件: " + name);
        }
        Layout current = layout(rows(name, inForce.get().bytes()));
        Layout changed = layout(rows(name, upload));
        for (int i = 0; i < Math.max(current.fixed().size(), changed.fixed().size()); i++) {
            Row was = i < current.fixed().size() ? current.fixed().get(i) : null;
            Row now = i < changed.fixed().size() ? changed.fixed().get(i) : null;
            if (now == null) {
                throw refused(name, "第 " + (changed.fixed().isEmpty() ? 1 : lastRow(changed) + 2) + " 行",
                        "缺少生效决策表的表头或代码行");
            }
            if (was == null || !was.cells().equals(now.cells())) {
                int column = firstDifference(was, now);
                throw refused(name, where(now.index(), column), "表头、代码行须与生效的决策表一致 (政务公开办只能修改数据行的取值)");
            }
        }
        changed.data().forEach((label, rows) -> {
            Map<Integer, Columns> columns = columns(changed.fixed(), label - 4);
            rows.forEach(row -> check(name, row, columns));
        });
    }

    /** One column's placeholders: their types, and whether the cell is split at commas ($1, $2…); null types: not declared. */
    private record Columns(List<Type> types, boolean split) {}

    /** The columns of the table whose RuleTable row is fixed row {@code start}. */
    private static Map<Integer, Columns> columns(List<Row> fixed, int start) {
        Map<Integer, Cell> kinds = fixed.get(start + 1).cells();
        Map<Integer, Cell> snippets = fixed.get(start + 3).cells();
        Map<Integer, Columns> columns = new TreeMap<>();
        kinds.forEach((column, kind) -> {
            String code = snippets.containsKey(column) ? snippets.get(column).value() : "";
            columns.put(column, declared(kind.value().toUpperCase(), code));
        });
        return columns;
    }

    private static Columns declared(String kind, String code) {
        boolean indexed = code.contains("$1");
        int placeholders = indexed ? INDEXED.matcher(code).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0)
                : code.contains("$param") ? 1 : 0;
        if (code.contains("forall(")) {
            return new Columns(null, false);
        }
        if (kind.equals("CONDITION") || kind.equals("C")) {
            return new Columns(Collections.nCopies(placeholders, code.contains("happened(") ? Type.CAUSE : Type.INTEGER), indexed);
        }
        Matcher inserted = INSERTED.matcher(code);
        List<Type> types = (kind.equals("ACTION") || kind.equals("A")) && inserted.find() ? ACTIONS.get(inserted.group(1)) : null;
        return new Columns(types != null && types.size() == placeholders ? types : null, indexed);
    }

    private static void check(String name, Row row, Map<Integer, Columns> columns) {
        for (Map.Entry<Integer, Columns> column : columns.entrySet()) {
            if (!row.cells().containsKey(column.getKey())) {
                throw refused(name, where(row.index(), column.getKey()), "数据行的每一列都须填写");
            }
        }
        row.cells().forEach((column, cell) -> {
            String where = where(row.index(), column);
            Columns declared = columns.get(column);
            if (declared == null) {
                throw refused(name, where, "该列不属于规则表");
            }
            if (declared.types() == null) {
                throw refused(name, where, "该列的取值类型未定义, 只有系统运维 (OPERATOR) 可以修改");
            }
            List<Type> types = declared.types().isEmpty() ? List.of(Type.TEXT) : declared.types();
            String[] parts = declared.split() ? cell.value().split(",", -1) : new String[] {cell.value()};
            if (parts.length != types.size()) {
                throw refused(name, where, "「" + cell.value() + "」应为 " + types.size() + " 个以逗号分隔的值: "
                        + String.join(", ", types.stream().map(t -> t.label).toList()));
            }
            for (int i = 0; i < parts.length; i++) {
                if (!types.get(i).accepts.test(parts[i].trim())) {
                    throw refused(name, where, "「" + parts[i].trim() + "」不是" + types.get(i).label);
                }
            }
        });
    }

    /** The sheet's rows up to the last that is not empty, as Drools' parser for the file's kind reads them. */
    private static List<Row> rows(String name, byte[] content) {
        SortedMap<Integer, SortedMap<Integer, Cell>> cells = new TreeMap<>();
        DataListener listener = new DataListener() {
            @Override
            public void startSheet(String sheet) {}

            @Override
            public void finishSheet() {}

            @Override
            public void newRow(int row, int columns) {}

            @Override
            public void newCell(int row, int column, String value, int mergedFrom) {
                if (value != null && !value.isBlank()) {
                    cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, new Cell(value.trim(), mergedFrom));
                }
            }
        };
        DecisionTableParser parser = name.endsWith(".xlsx") ? new ExcelParser(listener) : new CsvParser(listener, new CsvLineParser());
        try {
            parser.parseFile(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            throw new RuleBase.CompileException("无法读取决策表 " + name + ": " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        int last = cells.isEmpty() ? -1 : cells.lastKey();
        for (int i = 0; i <= last; i++) {
            rows.add(new Row(i, cells.getOrDefault(i, new TreeMap<>())));
        }
        return rows;
    }

    /**
     * Splits the rows as Drools' rule sheet listener does: a cell starting with "RuleTable" opens a table, the four
     * rows after it are its header (CONDITION/ACTION, object types, code, labels), and the non-empty rows right after
     * those are its data, up to the first empty row or the next table.
     */
    private static Layout layout(List<Row> rows) {
        List<Row> fixed = new ArrayList<>();
        Map<Integer, List<Row>> data = new TreeMap<>();
        int start = -1;
        int nextData = -1;
        for (Row row : rows) {
            boolean table = row.cells().values().stream().anyMatch(c -> c.value().toLowerCase().startsWith("ruletable"));
            if (!table && nextData == row.index() && !row.isEmpty()) {
                data.computeIfAbsent(fixed.size() - 1, l -> new ArrayList<>()).add(row);
                nextData++;
                continue;
            }
            if (table) {
                start = fixed.size();
                nextData = -1;
            }
            fixed.add(row);
            if (start >= 0 && fixed.size() - 1 == start + 4 && !table) {
                nextData = row.index() + 1;
            } else if (!table && nextData != -1 && fixed.size() - 1 > start + 4) {
                nextData = -1;
            }
        }
        return new Layout(fixed, data);
    }

    private static int lastRow(Layout layout) {
        int last = layout.fixed().get(layout.fixed().size() - 1).index();
        for (List<Row> rows : layout.data().values()) {
            last = Math.max(last, rows.get(rows.size() - 1).index());
        }
        return last;
    }

    private static int firstDifference(Row was, Row now) {
        SortedMap<Integer, Cell> before = was == null ? new TreeMap<>() : was.cells();
        SortedSet<Integer> columns = new TreeSet<>(now.cells().keySet());
        columns.addAll(before.keySet());
        return columns.stream().filter(c -> !Objects.equals(before.get(c), now.cells().get(c))).findFirst().orElse(0);
    }

    /** "第 12 行第 B 列", as a spreadsheet numbers them. */
    private static String where(int row, int column) {
        return "第 " + (row + 1) + " 行第 " + RuleSheetParserUtil.rc2name(0, column).replaceAll("\\d", "") + " 列";
    }

    private static RuleBase.CompileException refused(String name, String where, String reason) {
        return new RuleBase.CompileException("决策表 " + name + " " + where + ": " + reason);
    }
}
