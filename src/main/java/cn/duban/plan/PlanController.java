package cn.duban.plan;

import java.io.IOException;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.duban.org.UserAccount;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.web.Paged;

@RestController
public class PlanController {

    /** A plan with the items the caller may see, and those of them to check first (low confidence first). */
    public record PlanView(PlanRecord plan, List<Item> items, List<PlanPreview.Check> toCheck) {}

    private final PlanService service;
    private final PlanPreview preview;
    private final PlanStore store;
    private final Caller caller;

    public PlanController(PlanService service, PlanPreview preview, PlanStore store, Caller caller) {
        this.service = service;
        this.preview = preview;
        this.store = store;
        this.caller = caller;
    }

    /** Imports a plan document (ADMIN); {@code year} overrides the year read from it. */
    @PostMapping(value = "/api/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public PlanService.ImportResult importPlan(@RequestParam("file") MultipartFile file,
                                               @RequestParam(required = false) Integer year) throws IOException {
        String name = file.getOriginalFilename() == null ? "plan.txt" : file.getOriginalFilename();
        return service.importPlan(file.getBytes(), name, year, caller.current().username());
    }

    /** Starts supervision of every item of the plan (ADMIN). */
    @PostMapping("/api/plans/{id}/launch")
    public PlanService.LaunchResult launch(@PathVariable long id) {
        return service.launch(id, caller.current().username());
    }

    /** Corrects the text, units or deadline of an item in the import preview, before launch (ADMIN). */
    @PatchMapping(value = "/api/items/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Item edit(@PathVariable long id, @RequestBody ItemEdit edit) {
        return preview.edit(id, edit, caller.current().username());
    }

    /** Adds an item to the preview, after item {@code after} or at the end of {@code chapter} (ADMIN). */
    @PostMapping(value = "/api/plans/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Item add(@PathVariable long id, @RequestParam(required = false) Long after,
                    @RequestParam(required = false) String chapter, @RequestBody ItemEdit item) {
        return preview.add(id, after, chapter, item, caller.current().username());
    }

    /** Deletes an item of the preview (ADMIN). */
    @DeleteMapping("/api/items/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long id) {
        preview.delete(id, caller.current().username());
    }

    /** Splits an item of the preview in two (ADMIN): both, in order. */
    @PostMapping(value = "/api/items/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    public List<Item> split(@PathVariable long id, @RequestBody PlanPreview.Split split) {
        return preview.split(id, split, caller.current().username());
    }

    /** Merges an item of the preview into its previous or next one (ADMIN): the merged item. */
    @PostMapping(value = "/api/items/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Item merge(@PathVariable long id, @RequestBody PlanPreview.Merge merge) {
        return preview.merge(id, merge, caller.current().username());
    }

    /** Moves an item of the preview to the end of another chapter (ADMIN). */
    @PostMapping(value = "/api/items/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Item move(@PathVariable long id, @RequestBody PlanPreview.Move move) {
        return preview.move(id, move, caller.current().username());
    }

    /** The plans, the newest import first. */
    @GetMapping("/api/plans")
    public ResponseEntity<List<PlanRecord>> plans(@ParameterObject Paging paging) {
        return Paged.response(store.plans(PlanStore.Order.NEWEST, paging));
    }

    /**
     * The plan with a page of the items the caller may see ({@code X-Total-Count}: how many they are), and those of
     * all of them to check first. The plan's items are read whole (visibility and the checks need them all) and sliced.
     */
    @GetMapping("/api/plans/{id}")
    public ResponseEntity<PlanView> plan(@PathVariable long id, @ParameterObject Paging paging) {
        UserAccount user = caller.current();
        PlanRecord plan = store.plan(id).orElseThrow(() -> ApiException.notFound("计划不存在: " + id));
        PlanPreview.Shown shown = preview.shown(plan, user, paging);
        return Paged.response(shown.page(), new PlanView(plan, shown.page().rows(), shown.toCheck()));
    }
}
