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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lookback PRIOR_FILE CURRENT_FILE [--year YYYY] [--prior-outcomes FILE]}: the 回头看 of two plan years, as JSON. */
@Command(name = "lookback",
        description = "回头看预览: 匹配上年度与本年度事项, 列出需核查的上年度事项")
class LookbackCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "PRIOR_FILE", description = "上年度计划文件")
    Path priorFile;

    @Parameters(index = "1", paramLabel = "CURRENT_FILE", description = "本年度计划文件")
    Path currentFile;

    @Option(names = "--prior-outcomes", paramLabel = "FILE",
            description = "上年度事项办理结果 (CSV 或 JSON: number, unit, status, completedOn, returns); 缺省时视为均未办结")
    Path outcomes;

    @Option(names = "--year", paramLabel = "YYYY",
            description = "本年度计划的年份 (文件未写明年份时必填); 上年度计划取其前一年")
    Integer year;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "规则目录 (默认 ./rules)")
    String rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PlanFile prior = new PlanFile();
        prior.file = priorFile;
        prior.year = year == null ? null : year - 1;
        PlanFile current = new PlanFile();
        current.file = currentFile;
        current.year = year;
        List<Outcome> known = outcomes == null ? List.of() : Outcome.parse(read(outcomes));
        LookBackPreview.Result result = LookBackPreview.run(prior.parse(), current.parse(), known, new RuleBase(rules));
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
