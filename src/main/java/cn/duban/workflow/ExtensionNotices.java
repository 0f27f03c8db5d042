package cn.duban.workflow;

import org.springframework.stereotype.Component;

import cn.duban.notify.Messages;
import cn.duban.notify.Notifications;
import cn.duban.notify.Outbox;
import cn.duban.org.Names;
import cn.duban.org.Role;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.system.Today;

/** What a 延期申请 tells whom: the supervisors of a unit's request, the unit of the supervisor's decision (once each). */
@Component
class ExtensionNotices {

    private final Notifications notifications;
    private final Outbox outbox;
    private final Messages messages;
    private final Names names;
    private final Today today;

    ExtensionNotices(Notifications notifications, Outbox outbox, Messages messages, Names names, Today today) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.messages = messages;
        this.names = names;
        this.today = today;
    }

    /** The supervisors learn of the unit's request. */
    void asked(Extensions.Extension asked, Item item, UserAccount user) {
        notifications.addOnce("extension:" + asked.id() + ":asked", item.id(), Role.SUPERVISOR.name(), "EXTENSION",
                today.date(), "【延期申请】" + names.unitInChinese(asked.unit()) + " 申请将 " + about(item) + " 的期限由 "
                        + asked.originalDue() + " 延至 " + asked.newDue() + "。理由: " + asked.reason(),
                null, user.username());
    }

    /** The unit learns the supervisor's decision, in the system and through its channels. */
    void decided(Extensions.Extension decided, Item item, UserAccount user) {
        boolean approved = decided.status() == Extensions.Status.APPROVED;
        String title = approved ? "【批准延期】" : "【不予延期】";
        String key = "extension:" + decided.id() + ":" + decided.status();
        String message = title + user.displayName() + (approved ? " 同意将 " : " 未同意将 ") + about(item) + " 的期限由 "
                + decided.originalDue() + " 延至 " + decided.newDue()
                + (decided.comment() == null ? "" : "。意见: " + decided.comment());
        notifications.addOnce(key, item.id(), decided.unit(), "EXTENSION", today.date(), message, null, user.username());
        outbox.send(decided.unit(), key, title + "第" + item.number() + "项", message);
    }

    /** The item in a message's words. */
    private String about(Item item) {
        return messages.item(item.id(), item.number(), item.text(), item.deadline().due(), today.date());
    }
}
