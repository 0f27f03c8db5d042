package cn.duban.workflow;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.duban.system.ApiException;
import cn.duban.web.SignedIn;

/** 督办 from the item page: 催办 an open task, and 领导批示; a refusal shows above its form. */
@Controller
public class SupervisionPages {

    private final SignedIn signedIn;
    private final Urges urges;
    private final Instructions instructions;
    private final ItemPage itemPage;

    public SupervisionPages(SignedIn signedIn, Urges urges, Instructions instructions, ItemPage itemPage) {
        this.signedIn = signedIn;
        this.urges = urges;
        this.instructions = instructions;
        this.itemPage = itemPage;
    }

    /** 催办 the open task the user chose on the item page; a refusal (urged within the hour) shows above the form. */
    @PostMapping("/items/{id}/urge")
    public String urge(@PathVariable("id") long itemId, @RequestParam String task, @RequestParam(required = false) String note,
                       Model model) {
        try {
            urges.urge(task, note, signedIn.user());
        } catch (ApiException e) {
            return itemPage.refusedInPlace(e, itemId, null, "urgeError", Map.of(), model, HttpStatus.TOO_MANY_REQUESTS);
        }
        return "redirect:/items/" + itemId + "?done";
    }

    /** 领导批示 from the item page (ADMIN, SUPERVISOR); bad input (no text) shows above the form, the text kept. */
    @PostMapping("/items/{id}/instructions")
    public String instruct(@PathVariable("id") long itemId, @RequestParam(required = false) String text,
                           @RequestParam(required = false) String unit, Model model) {
        try {
            instructions.add(itemId, text, unit, signedIn.user());
        } catch (ApiException e) {
            Map<String, Object> input = new java.util.HashMap<>();
            input.put("instructionText", text);
            return itemPage.refusedInPlace(e, itemId, null, "instructionError", input, model, HttpStatus.BAD_REQUEST);
        }
        return "redirect:/items/" + itemId + "?done";
    }
}
