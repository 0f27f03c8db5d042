package cn.duban.workflow;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.notify.Notifications;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanStore;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.workflow.Attachments.Attachment;
import cn.duban.workflow.OpenTasks.TaskView;

@RestController
public class ItemController {

    /** One item with everything known about it; {@code history} is its audit trail. */
    public record ItemView(Item item, String title, List<TaskView> openTasks, List<ProgressReports.Report> reports,
                           List<Attachment> attachments, List<Notifications.Notification> reminders,
                           List<Ledger.Entry> ledger, List<ItemHistory.Event> history) {}

    private final PlanStore plans;
    private final ItemUnits itemUnits;
    private final OpenTasks openTasks;
    private final ProgressReports reports;
    private final Attachments attachments;
    private final Ledger ledger;
    private final ItemHistory history;
    private final Notifications notifications;
    private final Caller caller;

    public ItemController(PlanStore plans, ItemUnits itemUnits, OpenTasks openTasks, ProgressReports reports,
                          Attachments attachments, Ledger ledger, ItemHistory history, Notifications notifications,
                          Caller caller) {
        this.plans = plans;
        this.itemUnits = itemUnits;
        this.openTasks = openTasks;
        this.reports = reports;
        this.attachments = attachments;
        this.ledger = ledger;
        this.history = history;
        this.notifications = notifications;
        this.caller = caller;
    }

    @GetMapping("/api/items/{id}")
    public ItemView item(@PathVariable long id) {
        UserAccount user = caller.current();
        Item item = visible(id, user);
        return new ItemView(item, item.title(), openTasks.ofItem(id), reports.of(id), attachments.of(id),
                notifications.ofItem(id, user.seesAll() ? null : user.units()), ledger.of(id), history.of(id));
    }

    @GetMapping("/api/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Attachment a = attachments.find(id).orElseThrow(() -> ApiException.notFound("附件不存在: " + id));
        visible(a.itemId(), caller.current());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType()))
                .body(attachments.content(id));
    }

    private Item visible(long itemId, UserAccount user) {
        Item item = plans.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
        if (!itemUnits.visibleTo(item, user)) {
            throw ApiException.forbidden("无权查看该事项");
        }
        return item;
    }
}
