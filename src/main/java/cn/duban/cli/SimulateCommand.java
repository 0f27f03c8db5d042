package cn.duban.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.PlanParseException;
import cn.duban.plan.parse.PlanParser;
import cn.duban.rules.RuleBase;
import cn.duban.rules.Simulation;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.Folders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate FILE [--year YYYY] [--completion none|ontime|random:SEED]}: a year of the rules, day by day. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "按工作日逐日模拟全年的提醒、升级督办与三色状态, 每行输出一个 JSON 对象")
class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "计划文件")
    Path file;

    @Option(names = "--year", paramLabel = "YYYY", description = "计划年份 (文件未写明年份时必填)")
    Integer year;

    @Option(names = "--completion", paramLabel = "MODE", defaultValue = "none",
            description = "单位报送情况: none (从不报送), ontime (按时报送), random:SEED (随机, 可重现); 默认 none")
    String completion;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "规则目录 (默认 ./rules, 不存在时用 jar 内的规则)")
    String rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Simulation.Completion mode;
        try {
            mode = Simulation.Completion.parse(completion);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        ParsedPlan plan;
        try {
            plan = PlanParser.parse(Files.readAllBytes(file), year);
        } catch (NoSuchFileException e) {
            return refuse("文件不存在: " + file);
        } catch (IOException e) {
            return refuse("无法读取文件 " + file + ": " + e.getMessage());
        } catch (PlanParseException e) {
            return refuse(e.getMessage());
        }
        RuleBase ruleBase;
        WorkCalendar calendar;
        try {
            ruleBase = new RuleBase(rules);
            calendar = WorkCalendar.of(Folders.read(rules, "rules", "holidays.csv"));
        } catch (RuleBase.CompileException | IllegalStateException e) {
            return refuse(e.getMessage());
        }
        List<Simulation.Event> events = Simulation.run(plan, ruleBase, calendar, mode);
        ObjectMapper json = new ObjectMapper();
        var out = spec.commandLine().getOut();
        for (Simulation.Event e : events) {
            ObjectNode line = json.createObjectNode();
            line.put("date", e.date().toString());
            line.put("itemNumber", e.itemNumber());
            line.put("unit", e.unit());
            line.put("action", e.action());
            line.put("kind", e.kind());
            line.put("level", e.level());
            line.put("reason", e.reason());
            out.println(line);
        }
        out.flush();
        return 0;
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("错误: " + message);
        return 2;
    }
}
