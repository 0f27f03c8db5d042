package cn.duban.plan.parse;

/** A quantitative requirement such as 每年至少听取1次: at least {@code count} times per period. */
public record Requirement(int count, Per per) {

    public enum Per { MONTH, QUARTER, YEAR }

    /** Requirements as stored: {@code 1/YEAR,1/QUARTER}. */
    public static String format(java.util.List<Requirement> requirements) {
        return String.join(",", requirements.stream().map(r -> r.count() + "/" + r.per()).toList());
    }

    public static java.util.List<Requirement> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(stored.split(","))
                .map(r -> new Requirement(Integer.parseInt(r.split("/")[0]), Per.valueOf(r.split("/")[1]))).toList();
    }
}
