package cn.duban.lookback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How a unit's work on last year's item ended, as an outcomes file states it (CSV with a header, or a JSON array):
 * number, unit (empty: every unit of the item), status (COMPLETED or OPEN), completedOn, returns; optionally
 * reports (how many it made) and deduction (true for an assessment deduction point).
 */
public record Outcome(String number, String unit, boolean completed, LocalDate completedOn, int returns, Integer reports,
                      boolean deduction) {

    public static List<Outcome> parse(byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        try {
            return text.startsWith("[") ? json(text) : csv(text);
        } catch (RuntimeException | java.io.IOException e) {
            throw new IllegalArgumentException("结果文件有误: " + e.getMessage());
        }
    }

    private static List<Outcome> json(String text) throws java.io.IOException {
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(text)) {
            outcomes.add(of(n.path("number").asText(), n.path("unit").asText(""), n.path("status").asText(),
                    n.path("completedOn").asText(""), n.path("returns").asText("0"), n.path("reports").asText(""),
                    n.path("deduction").asText("")));
        }
        return outcomes;
    }

    private static List<Outcome> csv(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(",", -1)).stream().map(String::strip).toList();
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            java.util.function.Function<String, String> cell = name -> {
                int i = header.indexOf(name);
                return i >= 0 && i < cells.length ? cells[i].strip() : "";
            };
            outcomes.add(of(cell.apply("number"), cell.apply("unit"), cell.apply("status"), cell.apply("completedOn"),
                    cell.apply("returns"), cell.apply("reports"), cell.apply("deduction")));
        }
        return outcomes;
    }

    private static Outcome of(String number, String unit, String status, String completedOn, String returns,
                              String reports, String deduction) {
        if (number.isBlank()) {
            throw new IllegalArgumentException("缺少 number");
        }
        if (!status.equals("COMPLETED") && !status.equals("OPEN")) {
            throw new IllegalArgumentException("第 " + number + " 项的 status 须为 COMPLETED 或 OPEN: " + status);
        }
        return new Outcome(number, unit, status.equals("COMPLETED"), completedOn.isBlank() ? null : LocalDate.parse(completedOn),
                returns.isBlank() ? 0 : Integer.parseInt(returns), reports.isBlank() ? null : Integer.parseInt(reports),
                deduction.equalsIgnoreCase("true"));
    }
}
