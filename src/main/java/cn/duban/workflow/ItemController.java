package cn.duban.workflow;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;

@RestController
public class ItemController {

    private final ItemViews views;
    private final Instructions instructions;
    private final ItemProcess process;
    private final Caller caller;

    public ItemController(ItemViews views, Instructions instructions, ItemProcess process, Caller caller) {
        this.views = views;
        this.instructions = instructions;
        this.process = process;
        this.caller = caller;
    }

    /** One item with everything known about it; {@code history} is its audit trail. */
    @GetMapping("/api/items/{id}")
    public ItemViews.ItemView item(@PathVariable long id) {
        return views.of(id, caller.current());
    }

    /**
     * The item's supervision process to draw: {@code xml}, the BPMN (with its diagram) of the definition its instance
     * runs, and {@code active}, the ids of the activities open now (none once the item is done); 404 before launch.
     */
    @GetMapping("/api/items/{id}/process")
    public ItemProcess.Drawn process(@PathVariable long id) {
        return process.of(id, caller.current());
    }

    /** A 领导批示: its text, and the unit code it is to (none: to every unit of the item). */
    public record NewInstruction(String text, String unit) {}

    /** 领导批示 (ADMIN, SUPERVISOR) on the item or one unit's part; the unit's next report must say how it was carried out. */
    @PostMapping("/api/items/{id}/instructions")
    @ResponseStatus(HttpStatus.CREATED)
    public Instructions.Instruction instruct(@PathVariable long id, @RequestBody NewInstruction body) {
        return instructions.add(id, body.text(), body.unit(), caller.current());
    }

    /** The item's 领导批示 with their answers; a unit user sees those to the whole item or to its own unit. */
    @GetMapping("/api/items/{id}/instructions")
    public List<Instructions.Instruction> instructions(@PathVariable long id) {
        return views.instructions(id, caller.current());
    }

    @GetMapping("/api/attachments/{id}")
    public ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return views.attachment(id, caller.current());
    }
}
