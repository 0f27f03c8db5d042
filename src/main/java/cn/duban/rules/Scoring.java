package cn.duban.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 考评: the rules of rules/scoring.drl.csv over each unit's year, summed into a score per unit and ranked; every point
 * has its line.
 */
public final class Scoring {

    /**
     * A unit's score: its rank among the plan's units (equal scores share one), its name, the sum of its lines, and the
     * lines in the order of {@link UnitYear#CAUSES}.
     */
    public record UnitScore(int rank, String unit, String unitName, int score, List<ScoreLine> lines) {}

    private Scoring() {}

    /** The scores of the units' years, best first; {@code names}: the units' names by code (a code stands for itself). */
    public static List<UnitScore> score(RuleBase rules, List<UnitYear> years, Map<String, String> names) {
        Map<String, List<ScoreLine>> byUnit = rules.fire(years, ScoreLine.class).stream()
                .collect(Collectors.groupingBy(ScoreLine::unit));
        List<UnitScore> unranked = new ArrayList<>();
        for (UnitYear y : years) {
            List<ScoreLine> lines = byUnit.getOrDefault(y.getUnitCode(), List.of()).stream()
                    .sorted(Comparator.comparingInt((ScoreLine l) -> order(l.cause())).thenComparing(ScoreLine::cause)).toList();
            unranked.add(new UnitScore(0, y.getUnitCode(), names.getOrDefault(y.getUnitCode(), y.getUnitCode()),
                    lines.stream().mapToInt(ScoreLine::points).sum(), lines));
        }
        unranked.sort(Comparator.comparingInt(UnitScore::score).reversed().thenComparing(UnitScore::unit));
        List<UnitScore> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            UnitScore s = unranked.get(i);
            int rank = i > 0 && unranked.get(i - 1).score() == s.score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitScore(rank, s.unit(), s.unitName(), s.score(), s.lines()));
        }
        return ranked;
    }

    /** A cause's place in an explanation; one the table adds without a count here comes last. */
    private static int order(String cause) {
        int i = UnitYear.CAUSES.indexOf(cause);
        return i < 0 ? UnitYear.CAUSES.size() : i;
    }
}
