package cn.duban.plan.parse;

/** A quantitative requirement such as 每年至少听取1次: at least {@code count} times per period. */
public record Requirement(int count, Per per) {

    public enum Per { MONTH, QUARTER, YEAR }
}
