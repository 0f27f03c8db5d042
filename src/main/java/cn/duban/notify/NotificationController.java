package cn.duban.notify;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;
import cn.duban.system.ApiException;

@RestController
public class NotificationController {

    private final Notifications notifications;
    private final Caller caller;

    public NotificationController(Notifications notifications, Caller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    /** The caller's inbox, newest first: its units' reminders, escalation notices and urges. */
    @GetMapping("/api/notifications")
    public List<Notifications.Notification> inbox(@RequestParam(defaultValue = "false") boolean unread,
                                                  @RequestParam(defaultValue = "100") int limit) {
        return notifications.inbox(caller.current(), unread, limit);
    }

    @PostMapping("/api/notifications/{id}/read")
    public Map<String, Object> read(@PathVariable long id) {
        if (!notifications.markRead(id, caller.current())) {
            throw ApiException.notFound("通知不存在: " + id);
        }
        return Map.of("read", id);
    }
}
