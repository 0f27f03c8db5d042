package cn.duban.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;

/**
 * Which units work on an item, used by the BPMN as {@code itemUnits}: every responsible unit executes (and every
 * lead unit but the first); the first lead unit consolidates when others did the work.
 */
@Component("itemUnits")
public class ItemUnits {

    private final PlanStore plans;
    private final OrgDirectory directory;

    public ItemUnits(PlanStore plans, OrgDirectory directory) {
        this.plans = plans;
        this.directory = directory;
    }

    /** Unit codes that each execute the item and report on it. */
    public List<String> executing(long itemId) {
        Item item = item(itemId);
        List<String> leads = directory.resolveAll(item.leadUnits());
        Set<String> units = new LinkedHashSet<>(directory.resolveAll(item.responsibleUnits()));
        if (leads.size() > 1) {
            units.addAll(leads.subList(1, leads.size()));
        }
        if (units.isEmpty() && !leads.isEmpty()) {
            units.add(leads.get(0));
        }
        return new ArrayList<>(units);
    }

    /** The lead unit that consolidates the others' results, or null when nobody needs to. */
    public String consolidating(long itemId) {
        List<String> leads = directory.resolveAll(item(itemId).leadUnits());
        if (leads.isEmpty()) {
            return null;
        }
        List<String> executing = executing(itemId);
        return executing.equals(List.of(leads.get(0))) ? null : leads.get(0);
    }

    /** Every unit code the item involves: lead, responsible and cooperating. */
    public Set<String> involved(Item item) {
        return new LinkedHashSet<>(directory.resolveAll(item.namedUnits()));
    }

    /** Whether a user may see an item: reviewers see all, a unit user the items that involve its units. */
    public boolean visibleTo(Item item, UserAccount user) {
        return user.seesAll() || involved(item).stream().anyMatch(user.units()::contains);
    }

    private Item item(long itemId) {
        return plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
    }
}
