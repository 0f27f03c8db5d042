package cn.duban.notify;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;
import cn.duban.web.SignedIn;

/** 消息: the caller's inbox, a message marked read in place. */
@Controller
public class NotificationPages {

    private final SignedIn signedIn;
    private final Notifications notifications;

    public NotificationPages(SignedIn signedIn, Notifications notifications) {
        this.signedIn = signedIn;
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    public String inbox(Paging paging, Model model) {
        Paging.Page<Notifications.Notification> page = notifications.inbox(signedIn.into(model), false, paging);
        model.addAttribute("notifications", page.rows());
        model.addAttribute("pager", Paged.pager(page));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    public String read(@PathVariable long id, Model model) {
        if (!notifications.markRead(id, signedIn.user())) {
            throw ApiException.notFound("通知不存在: " + id);
        }
        model.addAttribute("read", true);
        return "notifications :: read";
    }
}
