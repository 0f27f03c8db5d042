package cn.duban.report;

import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.duban.org.OrgDirectory;
import cn.duban.org.Unit;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.workflow.Extensions;

/** The 通报 on a period: units with overdue or lagging items, and the escalations and reminders it took. */
@Service
public class Notice {

    /** An item in a unit's line; {@code due}: the unit's (its extended one, then {@code originalDue} is the item's). */
    public record Entry(String number, String title, LocalDate due, LocalDate originalDue, String finding) {

        /** The due in words: "2026-09-30 → 2026-10-31 (延期)" when the unit's was extended. */
        public String dueText() {
            return due == null ? "" : originalDue == null ? due.toString() : Extensions.dates(originalDue, due);
        }
    }

    public record UnitLine(String unit, String unitName, int overdue, int lagging, int escalations, int reminders,
                           List<Entry> entries) {}

    private final PlanStore plans;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final Scores scores;
    private final Extensions extensions;

    public Notice(PlanStore plans, OrgDirectory directory, JdbcClient jdbc, Scores scores, Extensions extensions) {
        this.extensions = extensions;
        this.plans = plans;
        this.scores = scores;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Open items overdue by {@code to} (红) or lagging (黄), per responsible unit, with the period's escalations. */
    public List<UnitLine> units(PlanRecord plan, LocalDate from, LocalDate to) {
        Map<String, List<Entry>> entries = new TreeMap<>();
        Map<Long, Map<String, Extensions.Extension>> extended = extensions.approved(plan.id());
        for (Item item : plans.items(plan.id())) {
            if (item.status() != Item.Status.OPEN) {
                continue;
            }
            List<String> names = item.responsibleUnits().isEmpty() ? item.leadUnits() : item.responsibleUnits();
            for (String unit : directory.resolveAll(names)) {
                // each unit against its own due: the new date of its approved extension, else the item's
                Extensions.Extension e = extended.getOrDefault(item.id(), Map.of()).get(unit);
                LocalDate due = e == null ? item.deadline().due() : e.newDue();
                String finding = due != null && due.isBefore(to) ? "逾期未办结" : "YELLOW".equals(item.colour()) ? "进度滞后" : null;
                if (finding != null) {
                    entries.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Entry(item.number(), item.title(), due,
                            e == null ? null : e.originalDue(), finding));
                }
            }
        }
        Map<String, Integer> escalations = counts("escalation", plan, from, to);
        Map<String, Integer> reminders = counts("notification", plan, from, to);
        List<UnitLine> lines = new ArrayList<>();
        entries.forEach((unit, list) -> lines.add(new UnitLine(unit, directory.unit(unit).map(Unit::name).orElse(unit),
                (int) list.stream().filter(e -> e.finding().equals("逾期未办结")).count(),
                (int) list.stream().filter(e -> e.finding().equals("进度滞后")).count(),
                escalations.getOrDefault(unit, 0), reminders.getOrDefault(unit, 0), list)));
        return lines;
    }

    /** The period's rows of {@code table} on the plan's items, counted by unit. */
    private Map<String, Integer> counts(String table, PlanRecord plan, LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select x.unit_code, count(*) from " + table + " x join item i on i.id = x.item_id where i.plan_id = ? "
                        + "and x.on_date between ? and ? group by x.unit_code")
                .params(plan.id(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    /** Each unit's score as of the notice's last day, line by line. */
    private Docx scores(Docx doc, PlanRecord plan, LocalDate to) {
        return doc.paragraph("按年度考评计分规则, 截至" + to + "各单位得分如下:").table(Scores.HEADER, Scores.rows(scores.of(plan, to)));
    }

    public byte[] docx(PlanRecord plan, LocalDate from, LocalDate to) throws IOException {
        List<UnitLine> units = units(plan, from, to);
        Docx doc = new Docx().title("关于" + plan.year() + "年政务公开工作任务落实情况的通报")
                .paragraph("根据《" + plan.title() + "》督办安排, 现将" + from + "至" + to + "期间工作任务落实情况通报如下。");
        if (units.isEmpty()) {
            doc.paragraph("本期各单位工作任务均按进度推进, 无逾期或滞后事项。");
            return scores(doc.heading("考评得分"), plan, to).bytes();
        }
        doc.heading("一、总体情况").paragraph("截至" + to + ", 共有" + units.size() + "个单位存在逾期或进度滞后事项, 涉及逾期未办结"
                        + units.stream().mapToInt(UnitLine::overdue).sum() + "项次、进度滞后"
                        + units.stream().mapToInt(UnitLine::lagging).sum() + "项次。")
                .table(List.of("单位", "逾期未办结", "进度滞后", "升级督办", "提醒次数"), units.stream().map(u -> List.of(u.unitName(),
                        String.valueOf(u.overdue()), String.valueOf(u.lagging()), String.valueOf(u.escalations()),
                        String.valueOf(u.reminders()))).toList())
                .heading("二、逾期及滞后事项");
        for (UnitLine u : units) {
            doc.paragraph(u.unitName() + ":").table(List.of("序号", "工作任务", "完成时限", "情况"), u.entries().stream()
                    .map(e -> List.of(e.number(), e.title(), e.dueText(), e.finding())).toList());
        }
        return scores(doc.heading("三、考评得分"), plan, to).heading("四、工作要求").paragraph("请上述单位对照任务清单, 于5个工作日内完成整改并报送进展, 政务公开办将持续跟踪督办。")
                .bytes();
    }
}
