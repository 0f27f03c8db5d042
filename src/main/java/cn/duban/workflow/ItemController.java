package cn.duban.workflow;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;

@RestController
public class ItemController {

    private final ItemViews views;
    private final Caller caller;

    public ItemController(ItemViews views, Caller caller) {
        this.views = views;
        this.caller = caller;
    }

    /** One item with everything known about it; {@code history} is its audit trail. */
    @GetMapping("/api/items/{id}")
    public ItemViews.ItemView item(@PathVariable long id) {
        return views.of(id, caller.current());
    }

    @GetMapping("/api/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return views.attachment(id, caller.current());
    }
}
