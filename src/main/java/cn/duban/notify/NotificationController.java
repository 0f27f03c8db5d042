package cn.duban.notify;

import java.util.List;
import java.util.Map;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;

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
    public ResponseEntity<List<Notifications.Notification>> inbox(@RequestParam(defaultValue = "false") boolean unread,
                                                                  @ParameterObject Paging paging) {
        return Paged.response(notifications.inbox(caller.current(), unread, paging));
    }

    @PostMapping("/api/notifications/{id}/read")
    public Map<String, Object> read(@PathVariable long id) {
        if (!notifications.markRead(id, caller.current())) {
            throw ApiException.notFound("通知不存在: " + id);
        }
        return Map.of("read", id);
    }
}
