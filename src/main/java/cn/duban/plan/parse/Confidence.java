package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * How far an item as read can be trusted, and why not fully: LOW when it names no lead or responsible unit, its text
 * is very short or reads as a heading, or two doubts add up; MEDIUM with one doubt (a name that does not read as a
 * unit or a group (各…), no deadline where most of the plan's items have one, a very long text, garbled characters); HIGH without
 * doubt. Worked out from the item as it stands, so an item the office corrects is judged again.
 */
public record Confidence(Level level, List<String> reasons) {

    public enum Level { LOW, MEDIUM, HIGH }

    /** Fewer characters than this (punctuation aside) are too few for a task. */
    private static final int SHORT = 6;
    /** More characters than this read as several items, or an item with the text after it, run together. */
    private static final int LONG = 400;
    private static final Pattern HEADING_END = Pattern.compile("[:：]$");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\s]");

    /** The confidence of each item of a plan, in order. */
    public static List<Confidence> of(List<ParsedItem> items) {
        long dated = items.stream().filter(i -> i.deadline().kind() != Deadline.Kind.NONE).count();
        List<Confidence> all = new ArrayList<>(items.size());
        for (ParsedItem item : items) {
            boolean undated = item.deadline().kind() == Deadline.Kind.NONE;
            // most of the others have a deadline: this one probably lost its own
            all.add(of(item, undated && dated * 2 > items.size() - 1));
        }
        return all;
    }

    private static Confidence of(ParsedItem item, boolean deadlineMissed) {
        List<String> severe = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        String text = item.text().strip();
        if (item.leadUnits().isEmpty() && item.responsibleUnits().isEmpty()) {
            severe.add("未识别到牵头或责任单位");
        }
        if (PUNCTUATION.matcher(text).replaceAll("").length() < SHORT) {
            severe.add("事项内容过短");
        } else if (TableRebuilder.HEADING.matcher(text).find() || HEADING_END.matcher(text).find()) {
            severe.add("事项内容像标题");
        }
        item.namedUnits().stream().filter(n -> !UnitPhrases.isUnitName(n))
                .findFirst().ifPresent(n -> doubts.add("“" + n + "”不像单位名称"));
        if (deadlineMissed) {
            doubts.add("未识别到完成时限 (本计划多数事项有时限)");
        }
        if (text.length() > LONG) {
            doubts.add("事项内容过长, 可能连着下一项或其他文字");
        }
        if (PlanParser.GARBLED.matcher(text).find()) {
            doubts.add("文字含乱码");
        }
        Level level = !severe.isEmpty() || doubts.size() > 1 ? Level.LOW : doubts.isEmpty() ? Level.HIGH : Level.MEDIUM;
        severe.addAll(doubts);
        return new Confidence(level, List.copyOf(severe));
    }
}
