package cn.duban.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;

/**
 * Which units work on an item, used by the BPMN as {@code itemUnits}: every responsible unit executes (and every
 * lead unit but the first); the first lead unit consolidates when others did the work.
 */
@Component("itemUnits")
public class ItemUnits {

    private final PlanStore plans;
    private final OrgDirectory directory;
    private final SubTasks subTasks;

    public ItemUnits(PlanStore plans, OrgDirectory directory, SubTasks subTasks) {
        this.plans = plans;
        this.directory = directory;
        this.subTasks = subTasks;
    }

    /** Unit codes that each execute the item and report on it. */
    public List<String> executing(long itemId) {
        return executing(item(itemId));
    }

    /** {@link #executing(long)} of an item already read. */
    public List<String> executing(Item item) {
        return item.asParsed().executingUnits(directory::resolveAll);
    }

    /** The lead unit that consolidates the others' results, or null when nobody needs to. */
    public String consolidating(long itemId) {
        return item(itemId).asParsed().consolidatingUnit(directory::resolveAll);
    }

    /** Every unit code the item involves: lead, responsible and cooperating. */
    public Set<String> involved(Item item) {
        return new LinkedHashSet<>(directory.resolveAll(item.namedUnits()));
    }

    /**
     * Whether a user may see an item: reviewers see all, a unit user the items that involve its units and those its
     * units have a sub-task on (分解).
     */
    public boolean visibleTo(Item item, UserAccount user) {
        return visibleTo(user).test(item);
    }

    /** {@link #visibleTo(Item, UserAccount)} for a list of items: the user's sub-tasks read once. */
    public java.util.function.Predicate<Item> visibleTo(UserAccount user) {
        if (user.seesAll()) {
            return item -> true;
        }
        Set<Long> parts = subTasks.itemsOf(user);
        return item -> parts.contains(item.id()) || involved(item).stream().anyMatch(user.units()::contains);
    }

    /** A page of the plan's items the user may see ({@link #visibleTo(UserAccount)}), only that page read. */
    public Paging.Page<Item> visibleItems(long planId, UserAccount user, Paging paging) {
        if (user.seesAll()) {
            return plans.itemPage(planId, null, List.of(), paging);
        }
        return plans.itemPage(planId, directory.namesOf(user.units()), subTasks.itemsOf(user), paging);
    }

    private Item item(long itemId) {
        return plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
    }
}
