package cn.duban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.duban.lookback.LookBackPreview;
import cn.duban.lookback.Outcome;
import cn.duban.rules.RuleBase;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code lookback PRIOR_FILE CURRENT_FILE [--year YYYY] [--prior-outcomes FILE]}: the 回头看 of two plan years, as JSON. */
final class LookbackCommand implements Callable<Integer> {

    final CommandSpec spec = Cli.command(this, "lookback", "回头看预览: 匹配上年度与本年度事项, 列出需核查的上年度事项");

    private final PositionalParamSpec priorFile = Cli.parameter(0, Path.class, "PRIOR_FILE", "上年度计划文件");

    private final PositionalParamSpec currentFile = Cli.parameter(1, Path.class, "CURRENT_FILE", "本年度计划文件");

    private final OptionSpec outcomesFile = Cli.option("--prior-outcomes", Path.class, "FILE",
            "上年度事项办理结果 (CSV 或 JSON: number, unit, status, completedOn, returns); 缺省时视为均未办结");

    private final OptionSpec yearOption = Cli.option("--year", Integer.class, "YYYY",
            "本年度计划的年份 (文件未写明年份时必填); 上年度计划取其前一年");

    private final OptionSpec rulesFolder = Cli.rules("规则目录 (默认 ./rules)");

    LookbackCommand() {
        spec.addPositional(priorFile).addPositional(currentFile).addOption(outcomesFile).addOption(yearOption)
                .addOption(rulesFolder);
    }

    @Override
    public Integer call() throws IOException {
        Integer year = yearOption.getValue();
        Path outcomes = outcomesFile.getValue();
        var prior = PlanFile.read(priorFile.getValue(), year == null ? null : year - 1);
        var current = PlanFile.read(currentFile.getValue(), year);
        List<Outcome> known = outcomes == null ? List.of() : Outcome.parse(read(outcomes));
        LookBackPreview.Result result = LookBackPreview.run(prior, current, known, new RuleBase(rulesFolder.<String>getValue()));
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode matches = root.putArray("matches");
        result.matches().forEach(m -> matches.addObject().put("prior", m.prior()).put("current", m.current()).put("score", m.score()));
        result.unmatchedPrior().forEach(root.putArray("unmatchedPrior")::add);
        result.unmatchedCurrent().forEach(root.putArray("unmatchedCurrent")::add);
        ArrayNode checks = root.putArray("checks");
        result.checks().forEach(c -> checks.addObject().put("prior", c.itemNumber()).put("unit", c.unit())
                .put("finding", c.finding()).put("reason", c.reason()));
        spec.commandLine().getOut().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取结果文件 " + file);
        }
    }
}
