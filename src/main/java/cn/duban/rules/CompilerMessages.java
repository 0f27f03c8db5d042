package cn.duban.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

import cn.duban.rules.RuleBase.Problem;
import cn.duban.system.Folders.FileText;

/**
 * The compiler's messages as the operator can act on them: rule file, line, column and what is wrong, without the
 * Java source Drools adds. The executable model compiles a rule's actions as generated Java; an error there is put
 * back at the statement's place in the rule file, and an expression the compiler names without a line is looked up
 * in its file.
 */
final class CompilerMessages {

    private static final String GENERATED = "src/main/java/";
    private static final String SOURCE_DUMP = "Java source of ";
    private static final String NO_PACKAGE = "Parser returned a null Package";
    /** The parser's "Line 3:12" before its message: line and column are reported apart. */
    private static final Pattern LINE_PREFIX = Pattern.compile("Line (\\d+):(\\d+) ");
    /** A generated class's name (a hash of 32 hex digits at its end): the rule itself to the operator. */
    private static final Pattern GENERATED_NAME = Pattern.compile("\\b[\\w.]*[0-9A-F]{32}\\b");
    /** A decision table's refusal: "[rules/t.drl.csv] … at cell A5". */
    private static final Pattern FILE_PREFIX = Pattern.compile("^\\[(?:[^\\]]*/)?([^\\]/]+)]\\s*");
    private static final Pattern CELL = Pattern.compile("at cell ([A-Z]+)(\\d+)");

    private CompilerMessages() {}

    /** The errors of one build, each once, in the compiler's order. */
    static List<Problem> problems(List<Message> errors, List<FileText> files) {
        Map<String, List<String>> generatedSources = new HashMap<>();
        for (Message m : errors) {
            if (m.getText().startsWith(SOURCE_DUMP)) {
                generatedSources.put(m.getPath(), m.getText().lines().skip(1).toList());
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Message m : errors) {
            String text = m.getText().strip();
            String path = m.getPath();
            if (text.startsWith(SOURCE_DUMP) || text.equals(NO_PACKAGE) && errors.size() > 1) {
                continue;
            }
            String message = GENERATED_NAME.matcher(firstLine(text)).replaceAll("规则");
            Problem problem;
            if (path != null && path.startsWith(GENERATED)) {
                List<String> source = generatedSources.getOrDefault(path, List.of());
                String statement = m.getLine() > 0 && m.getLine() <= source.size() ? source.get(m.getLine() - 1).strip() : "";
                // the rule's insert(…), update(…) as the executable model calls them
                statement = statement.startsWith("drools.") ? statement.substring("drools.".length()) : statement;
                problem = locate(statement, files, message);
            } else {
                String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
                Matcher place = LINE_PREFIX.matcher(message);
                // the parser's "Line 1:44" counts columns from 0
                int column = place.find() ? Integer.parseInt(place.group(2)) + 1 : m.getColumn();
                message = place.reset().replaceFirst("");
                int colon = message.lastIndexOf(": ");
                problem = m.getLine() <= 0 && file != null && colon > 0
                        ? locate(message.substring(colon + 2).strip(), files.stream().filter(f -> f.name().equals(file)).toList(), message)
                        : null;
                if (problem == null || problem.file() == null) {
                    problem = new Problem(file, Math.max(m.getLine(), 0), Math.max(column, 0), message);
                }
            }
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** What the compiler threw instead of reporting (a decision table it cannot read). */
    static Problem thrown(RuntimeException e) {
        String text = firstLine(e.getMessage() == null ? "无法编译" : e.getMessage().strip());
        Matcher prefix = FILE_PREFIX.matcher(text);
        String file = prefix.find() ? prefix.group(1) : null;
        String message = text.substring(file == null ? 0 : prefix.end());
        Matcher cell = CELL.matcher(message);
        if (!cell.find()) {
            return new Problem(file, 0, 0, message);
        }
        int column = 0;
        for (char c : cell.group(1).toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return new Problem(file, Integer.parseInt(cell.group(2)), column, message);
    }

    /** The first place one of the files holds the text; where it is not found, the message quotes it instead. */
    private static Problem locate(String text, List<FileText> files, String message) {
        if (!text.isEmpty()) {
            for (FileText f : files) {
                List<String> lines = f.content().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    int at = lines.get(i).indexOf(text);
                    if (at >= 0) {
                        return new Problem(f.name(), i + 1, at + 1, message);
                    }
                }
            }
        }
        return new Problem(null, 0, 0, text.isEmpty() || message.contains(text) ? message : message + ": " + text);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
