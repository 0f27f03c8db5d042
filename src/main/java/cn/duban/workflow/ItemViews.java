package cn.duban.workflow;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.stereotype.Service;

import cn.duban.notify.Notifications;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.system.ApiException;
import cn.duban.workflow.Attachments.Attachment;
import cn.duban.workflow.OpenTasks.TaskView;

/** An item with everything known about it, for whoever may see it: the API's and the page's one source. */
@Service
public class ItemViews {

    /**
     * One item: the 领导批示 the caller may see (newest first), the 延期 requests of the units the caller sees (oldest
     * first), its tasks, reports, quantitative requirements met or not, files, reminders (the caller's units'), ledger,
     * audit trail and sub-tasks (分解).
     */
    public record ItemView(Item item, String title, List<Instructions.Instruction> instructions,
                           List<Extensions.Extension> extensions, List<TaskView> openTasks,
                           List<ProgressReports.Report> reports,
                           List<ProgressReports.Quota> quotas,
                           List<Attachment> attachments, List<Notifications.Notification> reminders,
                           List<Ledger.Entry> ledger, List<ItemHistory.Event> history, List<SubTasks.SubTask> subTasks) {

        /** The unit's last hand-in when the reviewer returned it (the comment to answer), or null. */
        public ProgressReports.Report returnedTo(String unit) {
            return reports.stream().filter(r -> r.kind() == ProgressReports.Kind.SUBMISSION && r.unit().equals(unit))
                    .reduce((first, second) -> second).filter(r -> r.decision() == ProgressReports.Decision.RETURN).orElse(null);
        }

        /** The instructions the unit's next report must answer. */
        public List<Instructions.Instruction> openInstructions(String unit) {
            return instructions.stream().filter(i -> i.openFor(unit)).toList();
        }

        /** The unit's 延期 request waiting for the supervisors, or null. */
        public Extensions.Extension pendingExtension(String unit) {
            return extensions.stream().filter(e -> e.unit().equals(unit) && e.status() == Extensions.Status.PENDING)
                    .findFirst().orElse(null);
        }
    }

    private final PlanStore plans;
    private final ItemUnits itemUnits;
    private final OpenTasks openTasks;
    private final ProgressReports reports;
    private final Attachments attachments;
    private final Ledger ledger;
    private final ItemHistory history;
    private final Notifications notifications;
    private final Instructions instructions;
    private final Extensions extensions;
    private final SubTasks subTasks;

    public ItemViews(PlanStore plans, ItemUnits itemUnits, OpenTasks openTasks, ProgressReports reports,
                     Attachments attachments, Ledger ledger, ItemHistory history, Notifications notifications,
                     Instructions instructions, Extensions extensions, SubTasks subTasks) {
        this.extensions = extensions;
        this.subTasks = subTasks;
        this.plans = plans;
        this.itemUnits = itemUnits;
        this.openTasks = openTasks;
        this.reports = reports;
        this.attachments = attachments;
        this.ledger = ledger;
        this.history = history;
        this.notifications = notifications;
        this.instructions = instructions;
    }

    /** The item for whoever may see it; of its sub-tasks (分解), a unit user sees its units' own and those they review. */
    public ItemView of(long id, UserAccount user) {
        Item item = visible(id, user);
        java.util.Set<String> hidden = subTasks.hiddenFrom(id, user);
        return new ItemView(item, item.title(), instructions.of(id, user),
                extensions.of(id).stream().filter(e -> user.seesAll() || user.units().contains(e.unit())).toList(),
                openTasks.ofItem(id).stream().filter(t -> !hidden.contains(t.unit())).toList(),
                reports.of(id).stream().filter(r -> !hidden.contains(r.unit())).toList(),
                reports.quotas(item), attachments.of(id).stream().filter(a -> !hidden.contains(a.unit())).toList(),
                notifications.ofItem(id, user.seesAll() ? null : user.units()), ledger.of(id),
                history.of(id).stream().filter(e -> !Instructions.othersInstruction(e, user) && !hidden.contains(e.unit())).toList(),
                subTasks.of(id).stream().filter(p -> !hidden.contains(p.unit())).toList());
    }

    /** The item's 领导批示 the user may see (a unit user: those to the whole item or to its units). */
    public List<Instructions.Instruction> instructions(long itemId, UserAccount user) {
        return instructions.of(visible(itemId, user).id(), user);
    }

    /** An evidence file as a download, for whoever may see its item. */
    public ResponseEntity<byte[]> attachment(long id, UserAccount user) {
        Attachment a = attachments.find(id).orElseThrow(() -> ApiException.notFound("附件不存在: " + id));
        visible(a.itemId(), user);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType()))
                .body(attachments.content(id));
    }

    /** The item, when the user may see it: 404 when there is none, 403 when it is another unit's. */
    public Item visible(long itemId, UserAccount user) {
        Item item = plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
        if (!itemUnits.visibleTo(item, user)) {
            throw ApiException.forbidden("无权查看该事项");
        }
        return item;
    }
}
