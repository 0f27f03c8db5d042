package cn.duban.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.rules.RuleBase;
import cn.duban.rules.Scoring;
import cn.duban.rules.Simulation;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.Folders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code simulate FILE [--year YYYY] [--completion none|ontime|random:SEED]}: a year of the rules, day by day. */
final class SimulateCommand implements Callable<Integer> {

    final CommandSpec spec = Cli.command(this, "simulate",
            "按工作日逐日模拟全年的签收、提醒、升级督办、延期申请与三色状态, 年底输出各单位考评得分, 每行输出一个 JSON 对象");

    private final PlanFile plan = new PlanFile(spec);

    private final OptionSpec completion = OptionSpec.builder("--completion").type(String.class).paramLabel("MODE")
            .defaultValue("none")
            .description("单位报送情况: none (从不签收、报送), ontime (按时报送), random:SEED (随机签收、报送、申请延期, 可重现); 默认 none").build();

    private final OptionSpec rulesFolder = Cli.rules("规则目录 (默认 ./rules, 不存在时用 jar 内的规则)");

    SimulateCommand() {
        spec.addOption(completion).addOption(rulesFolder);
    }

    @Override
    public Integer call() {
        Simulation.Completion mode = Simulation.Completion.parse(completion.getValue());
        String rules = rulesFolder.getValue();
        ParsedPlan parsed = plan.parse();
        RuleBase ruleBase = new RuleBase(rules);
        WorkCalendar calendar = WorkCalendar.of(Folders.read(rules, "rules", "holidays.csv"));
        var err = spec.commandLine().getErr();
        err.println("模拟 " + parsed.year() + " 年 " + parsed.items().size() + " 个事项 (simulating " + parsed.items().size()
                + " items) …");
        err.flush();
        Simulation.Year year = Simulation.run(parsed, ruleBase, calendar, mode);
        List<Simulation.Event> events = year.events();
        ObjectMapper json = new ObjectMapper();
        var out = spec.commandLine().getOut();
        for (Simulation.Event e : events) {
            ObjectNode line = json.createObjectNode();
            line.put("date", e.date().toString());
            line.put("itemNumber", e.itemNumber());
            line.put("path", e.path());
            line.put("unit", e.unit());
            line.put("action", e.action());
            line.put("kind", e.kind());
            line.put("level", e.level());
            line.put("reason", e.reason());
            if (e.due() != null) {
                line.put("due", e.due().toString());
            }
            out.println(line);
        }
        // at the end of the year, each unit's score (考评) with its lines
        for (Scoring.UnitScore score : year.scores()) {
            ObjectNode line = json.createObjectNode();
            line.put("date", parsed.year() + "-12-31");
            line.put("unit", score.unit());
            line.put("action", "SCORE");
            line.put("rank", score.rank());
            line.put("score", score.score());
            var lines = line.putArray("lines");
            score.lines().forEach(l -> lines.addObject().put("cause", l.cause()).put("count", l.count())
                    .put("pointsEach", l.pointsEach()).put("points", l.points()).put("text", l.text()));
            out.println(line);
        }
        out.flush();
        err.println("完成: " + events.size() + " 条记录, " + year.scores().size() + " 个单位得分 (done: " + events.size()
                + " events, " + year.scores().size() + " scores)");
        return 0;
    }
}
