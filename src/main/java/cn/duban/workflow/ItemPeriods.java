package cn.duban.workflow;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.rules.Periods;

/**
 * The reporting periods of an item, used by the BPMN as {@code itemPeriods}: a unit owes one approved report per
 * period; a recurring item asks again at the start of the next period it owes.
 */
@Component("itemPeriods")
public class ItemPeriods {

    private final PlanStore plans;
    private final ProgressReports reports;

    public ItemPeriods(PlanStore plans, ProgressReports reports) {
        this.plans = plans;
        this.reports = reports;
    }

    public List<Periods.Period> of(Item item) {
        PlanRecord plan = plans.plan(item.planId()).orElseThrow();
        return Periods.ofItem(item.deadline(), plan.issuedOn(), plan.year());
    }

    /** Whether the unit still owes a period after the reports approved so far. */
    public boolean more(long itemId, String unit) {
        return reports.approvedCount(itemId, unit) < of(plans.item(itemId).orElseThrow()).size();
    }

    /** When the next period the unit owes starts (ISO date-time, for the BPMN timer). */
    public String nextStart(long itemId, String unit) {
        List<Periods.Period> periods = of(plans.item(itemId).orElseThrow());
        int approved = Math.min(reports.approvedCount(itemId, unit), periods.size() - 1);
        return periods.get(approved).start().atStartOfDay().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
