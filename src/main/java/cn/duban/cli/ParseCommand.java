package cn.duban.cli;

import java.util.List;
import java.util.concurrent.Callable;

import cn.duban.plan.parse.Confidence;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.PlanJson;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code parse FILE [--year YYYY] [--json]}: what the importer reads from a plan document. */
final class ParseCommand implements Callable<Integer> {

    final CommandSpec spec = Cli.command(this, "parse",
            "解析计划文件 (文本、.docx/.doc/.wps、.xlsx/.xls、PDF、.html), 输出事项、单位与时限");

    private final PlanFile plan = new PlanFile(spec);

    private final OptionSpec json = OptionSpec.builder("--json").type(boolean.class).description("输出 JSON").build();

    ParseCommand() {
        spec.addOption(json);
    }

    @Override
    public Integer call() {
        ParsedPlan parsed = plan.parse();
        var out = spec.commandLine().getOut();
        if (Boolean.TRUE.equals(json.getValue())) {
            out.println(PlanJson.write(parsed));
        } else {
            table(parsed, out);
        }
        out.flush();
        return 0;
    }

    private static void table(ParsedPlan plan, java.io.PrintWriter out) {
        out.println(nz(plan.title()) + "  " + nz(plan.organ()) + "  " + nz(plan.docNumber()) + "  年份 " + plan.year()
                + (plan.issuedOn() == null ? "" : "  印发 " + plan.issuedOn()));
        out.println(plan.items().size() + " 项");
        out.println(pad("路径", 14) + pad("牵头单位", 24) + pad("责任单位", 30) + pad("时限", 22) + pad("可信", 6) + "事项");
        List<Confidence> confidence = Confidence.of(plan.items());
        List<String> doubts = new java.util.ArrayList<>();
        for (int k = 0; k < plan.items().size(); k++) {
            ParsedItem i = plan.items().get(k);
            Confidence c = confidence.get(k);
            if (c.level() != Confidence.Level.HIGH) {
                doubts.add("  " + String.join("/", i.path()) + " " + LEVELS.get(c.level()) + ": " + String.join("; ", c.reasons()));
            }
            Deadline d = i.deadline();
            String deadline = d.kind() == Deadline.Kind.NONE ? "—"
                    : d.kind() + (d.due() == null ? "" : " " + d.due()) + (d.frequency() == null ? "" : " " + d.frequency());
            out.println(pad(String.join("/", i.path()), 14) + pad(join(i.leadUnits()), 24)
                    + pad(join(i.responsibleUnits()), 30) + pad(deadline, 22) + pad(LEVELS.get(c.level()), 6) + cut(i.text(), 40));
        }
        if (!doubts.isEmpty()) {
            out.println();
            out.println("请先核对 (" + doubts.size() + "):");
            doubts.forEach(out::println);
        }
        if (!plan.warnings().isEmpty()) {
            out.println();
            out.println("提示 (" + plan.warnings().size() + "):");
            plan.warnings().forEach(w -> out.println("  " + w));
        }
    }

    private static final java.util.Map<Confidence.Level, String> LEVELS = java.util.Map.of(
            Confidence.Level.HIGH, "高", Confidence.Level.MEDIUM, "中", Confidence.Level.LOW, "低");

    private static String join(List<String> names) {
        return names.isEmpty() ? "—" : String.join("、", names);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    /** Pads to a display width, counting Chinese characters as two columns. */
    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cw = c > 0x2E80 ? 2 : 1;
            if (w + cw > width - 1) {
                sb.append('…');
                w++;
                break;
            }
            sb.append(c);
            w += cw;
        }
        return sb + " ".repeat(Math.max(1, width - w));
    }
}
