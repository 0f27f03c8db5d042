package cn.duban.rules;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.duban.org.OrgDirectory;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.plan.parse.ParsedPlan;
import cn.duban.system.ApiException;
import cn.duban.system.Today;

/**
 * A preview of what the rules in force will do to a plan's items if nobody reports (or as the completion mode says):
 * the simulation's events, day by day, for the units the directory assigns, and the scores the year would end with.
 */
@Service
public class RulePreview {

    private final RuleBase rules;
    private final WorkCalendar calendar;
    private final PlanStore plans;
    private final OrgDirectory directory;
    private final Today today;

    public RulePreview(RuleBase rules, WorkCalendar calendar, PlanStore plans, OrgDirectory directory, Today today) {
        this.rules = rules;
        this.calendar = calendar;
        this.plans = plans;
        this.directory = directory;
        this.today = today;
    }

    /**
     * The events from {@code from} (today when null) for {@code weeks} weeks (1 to 53), and the units' scores at the
     * end of the simulated year.
     */
    public Simulation.Year simulate(long plan, String completion, LocalDate from, int weeks) {
        PlanRecord record = plans.plan(plan).orElseThrow(() -> ApiException.notFound("计划不存在: " + plan));
        Simulation.Completion mode;
        try {
            mode = Simulation.Completion.parse(completion);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ParsedPlan parsed = new ParsedPlan(record.title(), record.organ(), record.docNumber(), record.year(), record.issuedOn(),
                plans.items(plan).stream().map(Item::asParsed).toList(), List.of(), record.chapters());
        LocalDate start = from == null ? today.date() : from;
        LocalDate end = start.plusWeeks(Math.max(1, Math.min(weeks, 53)));
        Simulation.Year year = Simulation.run(parsed, rules, calendar, mode, directory::resolveAll, directory.unitNames());
        return new Simulation.Year(year.events().stream().filter(e -> !e.date().isBefore(start) && e.date().isBefore(end))
                .toList(), year.scores());
    }
}
