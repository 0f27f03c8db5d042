package cn.duban.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.duban.lookback.Check;
import cn.duban.lookback.LookBackCases;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.rules.Scoring;

/**
 * The 工作要点落实情况 section of the 政府信息公开工作年度报告: per chapter of the plan, what was done and by whom, with
 * the figures (completed on time, late, open), the look-back carried out over the prior year's items and the units'
 * scores (考评).
 */
@Service
public class AnnualReport {

    public record Line(String number, String title, String units, String status, String progress) {}

    public record Chapter(String number, String title, int items, int onTime, int late, int open, int overdue,
                          List<Line> lines) {}

    /** The look-back over the prior year's items carried out during this plan's year. */
    public record LookBackFigures(int checked, int resolved, int rectifying, int pending, Map<String, Integer> byFinding) {}

    /** {@code scores}: each unit's 考评 score as of the day the section is made (at most the year's end). */
    public record Section(String title, int items, int onTime, int late, int open, int overdue, List<Chapter> chapters,
                          LookBackFigures lookBack, List<Scoring.UnitScore> scores) {}

    private final PlanStore plans;
    private final LedgerWorkbook ledger;
    private final LookBackCases cases;
    private final Scores scores;

    public AnnualReport(PlanStore plans, LedgerWorkbook ledger, LookBackCases cases, Scores scores) {
        this.plans = plans;
        this.scores = scores;
        this.ledger = ledger;
        this.cases = cases;
    }

    public Section section(PlanRecord plan, LocalDate today) {
        Map<String, List<String[]>> byChapter = new LinkedHashMap<>();
        java.util.function.Function<Item, String[]> ledgerRows = ledger.rows(plan.id(), today);
        for (Item item : plans.items(plan.id())) {
            if (item.status() != Item.Status.DRAFT) {
                byChapter.computeIfAbsent(item.path().size() > 1 ? item.path().get(0) : "", k -> new ArrayList<>())
                        .add(ledgerRows.apply(item));
            }
        }
        List<Chapter> chapters = new ArrayList<>();
        byChapter.forEach((number, rows) -> {
            // the units, with the extended dues the ledger's deadline lists below the item's (one a line)
            List<Line> lines = rows.stream().map(r -> new Line(r[0].substring(r[0].lastIndexOf('/') + 1), r[1],
                    (r[4].isEmpty() ? r[3] : r[4]) + r[LedgerWorkbook.DEADLINE].lines().skip(1).map(l -> "\n" + l)
                            .collect(java.util.stream.Collectors.joining()),
                    r[LedgerWorkbook.STATUS], r[LedgerWorkbook.PROGRESS])).toList();
            chapters.add(new Chapter(number, number.isEmpty() ? "其他事项" : plan.chapterTitle(number), lines.size(),
                    count(lines, "已办结"), count(lines, "已办结(逾期)"), count(lines, "办理中") + count(lines, "逾期未办结"),
                    count(lines, "逾期未办结"), lines));
        });
        List<LookBackCases.Case> found = cases.ofPlan(plan.id());
        Map<String, Integer> byFinding = new LinkedHashMap<>();
        found.forEach(c -> c.findings().forEach(f -> byFinding.merge(Check.label(f), 1, Integer::sum)));
        LookBackFigures lookBack = new LookBackFigures(found.size(), count(found, LookBackCases.Status.RESOLVED),
                count(found, LookBackCases.Status.RECTIFYING), count(found, LookBackCases.Status.OPEN), byFinding);
        return new Section(plan.year() + "年" + plan.title().replaceFirst("^.*?\\d{4}年", "") + "落实情况",
                chapters.stream().mapToInt(Chapter::items).sum(), chapters.stream().mapToInt(Chapter::onTime).sum(),
                chapters.stream().mapToInt(Chapter::late).sum(), chapters.stream().mapToInt(Chapter::open).sum(),
                chapters.stream().mapToInt(Chapter::overdue).sum(), chapters, lookBack, scores.of(plan, today));
    }

    private static int count(List<LookBackCases.Case> cases, LookBackCases.Status status) {
        return (int) cases.stream().filter(c -> c.status() == status).count();
    }

    private static int count(List<Line> lines, String status) {
        return (int) lines.stream().filter(l -> l.status().equals(status)).count();
    }

    static String summary(Section s) {
        return "全年共部署工作任务" + s.items() + "项, 按期办结" + s.onTime() + "项, 逾期办结" + s.late() + "项, 尚在办理"
                + s.open() + "项 (其中逾期" + s.overdue() + "项)。";
    }

    static String chapterSummary(Chapter c) {
        return "本部分共" + c.items() + "项任务, 按期办结" + c.onTime() + "项, 逾期办结" + c.late() + "项, 尚在办理" + c.open() + "项。";
    }

    static String lookBackSummary(LookBackFigures f) {
        return f.checked() == 0 ? "本年度未开展上年度事项回头看。"
                : "对上年度工作要点开展回头看, 核查事项" + f.checked() + "项, 已说明办结" + f.resolved() + "项, 整改中"
                        + f.rectifying() + "项, 待核查" + f.pending() + "项" + (f.byFinding().isEmpty() ? "" : "; 核查发现: "
                        + String.join("、", f.byFinding().entrySet().stream().map(e -> e.getKey() + e.getValue() + "项").toList()))
                        + "。";
    }

    public String markdown(Section s) {
        StringBuilder md = new StringBuilder("## " + s.title() + "\n\n" + summary(s) + "\n");
        for (Chapter c : s.chapters()) {
            md.append("\n### ").append(c.number().isEmpty() ? "" : c.number() + "、").append(c.title()).append("\n\n")
                    .append(chapterSummary(c)).append("\n\n| 序号 | 工作任务 | 责任单位 | 完成状态 | 进展情况 |\n|---|---|---|---|---|\n");
            for (Line l : c.lines()) {
                md.append("| ").append(String.join(" | ", cell(l.number()), cell(l.title()), cell(l.units()), cell(l.status()),
                        cell(l.progress()))).append(" |\n");
            }
        }
        md.append("\n### 回头看\n\n").append(lookBackSummary(s.lookBack())).append("\n");
        md.append("\n### 考评得分\n\n| ").append(String.join(" | ", Scores.HEADER)).append(" |\n|---|---|---|---|\n");
        for (List<String> row : Scores.rows(s.scores())) {
            md.append("| ").append(String.join(" | ", row.stream().map(AnnualReport::cell).toList())).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }

    public byte[] docx(Section s) throws IOException {
        Docx doc = new Docx().title(s.title()).paragraph(summary(s));
        for (Chapter c : s.chapters()) {
            doc.heading((c.number().isEmpty() ? "" : c.number() + "、") + c.title()).paragraph(chapterSummary(c))
                    .table(List.of("序号", "工作任务", "责任单位", "完成状态", "进展情况"), c.lines().stream()
                            .map(l -> List.of(l.number(), l.title(), l.units(), l.status(), l.progress())).toList());
        }
        return doc.heading("回头看").paragraph(lookBackSummary(s.lookBack()))
                .heading("考评得分").table(Scores.HEADER, Scores.rows(s.scores())).bytes();
    }
}
