package cn.duban.workflow;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.workflow.Attachments.Attachment;

@RestController
public class ItemController {

    private final ItemViews views;
    private final Attachments attachments;
    private final Caller caller;

    public ItemController(ItemViews views, Attachments attachments, Caller caller) {
        this.views = views;
        this.attachments = attachments;
        this.caller = caller;
    }

    /** One item with everything known about it; {@code history} is its audit trail. */
    @GetMapping("/api/items/{id}")
    public ItemViews.ItemView item(@PathVariable long id) {
        return views.of(id, caller.current());
    }

    @GetMapping("/api/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        Attachment a = attachments.find(id).orElseThrow(() -> ApiException.notFound("附件不存在: " + id));
        views.visible(a.itemId(), caller.current());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType()))
                .body(attachments.content(id));
    }
}
