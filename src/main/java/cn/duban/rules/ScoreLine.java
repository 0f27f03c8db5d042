package cn.duban.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.duban.system.Words;

/**
 * Action: one line of a unit's score (考评): what is scored ({@code cause}, one of {@link UnitYear#CAUSES}), how many
 * times it happened in the year and the points it gives, {@code points = count × pointsEach}.
 */
public record ScoreLine(String unit, String cause, int count, int pointsEach, int points) {

    /** The line for a cause of the unit's year, at {@code pointsEach} points a time. */
    public ScoreLine(UnitYear year, String cause, int pointsEach) {
        this(year.getUnitCode(), cause, year.count(cause), pointsEach, year.count(cause) * pointsEach);
    }

    /** The line in the office's words: 被退回 2 × -2分 = -4分 (the base score: 基础分 100分). */
    @JsonProperty("text")
    public String text() {
        String what = Words.chinese("score", cause);
        return "BASE".equals(cause) ? what + " " + points + "分" : what + " " + count + " × " + pointsEach + "分 = " + points + "分";
    }
}
