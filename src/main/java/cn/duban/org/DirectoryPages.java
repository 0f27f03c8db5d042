package cn.duban.org;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 管理 (ADMIN) and its directory forms: users, and how each unit is reached. */
@Controller
public class DirectoryPages {

    private final AdminPage page;
    private final Users users;
    private final ContactSettings contacts;

    public DirectoryPages(AdminPage page, Users users, ContactSettings contacts) {
        this.page = page;
        this.users = users;
        this.contacts = contacts;
    }

    @GetMapping("/admin")
    public String admin(Model model) {
        return page.show(model);
    }

    @PostMapping("/admin/users")
    public String addUser(@RequestParam String username, @RequestParam(required = false) String name, @RequestParam String password,
                          @RequestParam(name = "role", required = false) List<Role> roles,
                          @RequestParam(required = false) String units) {
        users.add(new Users.Change(username, name, password, roles, codes(units)));
        return "redirect:/admin?saved";
    }

    @PostMapping("/admin/users/{username}")
    public String updateUser(@PathVariable String username, @RequestParam(required = false) String name,
                             @RequestParam(required = false) String password,
                             @RequestParam(name = "role", required = false) List<Role> roles,
                             @RequestParam(required = false) String units) {
        users.change(username, new Users.Change(username, name, password, roles == null ? List.of() : roles, codes(units)));
        return "redirect:/admin?saved";
    }

    private static List<String> codes(String units) {
        return units == null ? List.of() : Arrays.stream(units.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @PostMapping("/admin/units/{code}")
    public String contacts(@PathVariable String code, @RequestParam(required = false) String emails,
                           @RequestParam(required = false) String webhookUrl, @RequestParam(required = false) String webhookFormat,
                           @RequestParam(name = "channel", required = false) List<String> channels,
                           @RequestParam(required = false) String parent) {
        List<String> addresses = emails == null ? List.of() : Arrays.stream(emails.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        contacts.set(code, new Contacts(addresses, webhookUrl,
                webhookFormat == null || webhookFormat.isBlank() ? null : Contacts.WebhookFormat.valueOf(webhookFormat),
                channels == null ? Set.of() : channels.stream().map(Contacts.Channel::valueOf).collect(Collectors.toSet())));
        if (parent != null) { // the form's 上级单位 ("": none)
            contacts.setParent(code, parent);
        }
        return "redirect:/admin?saved";
    }
}
