package cn.duban.org;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;
import cn.duban.system.ApiException;

@RestController
public class UserController {

    private final Caller caller;
    private final OrgDirectory directory;

    public UserController(Caller caller, OrgDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /** The caller: username, roles and units. */
    @GetMapping("/api/me")
    public UserAccount me() {
        return caller.current();
    }

    /** Every user of the directory (ADMIN). */
    @GetMapping("/api/admin/users")
    public List<UserAccount> users() {
        return directory.users();
    }

    /** Every unit of the directory. */
    @GetMapping("/api/units")
    public List<Unit> units() {
        return directory.units();
    }

    /** A unit with its contacts (ADMIN). */
    public record UnitContacts(String code, String name, Contacts contacts) {}

    @GetMapping("/api/admin/units")
    public List<UnitContacts> unitContacts() {
        return directory.units().stream().map(u -> new UnitContacts(u.code(), u.name(), directory.contacts(u.code()))).toList();
    }

    /** Sets how a unit is reached: {"emails":[…],"webhookUrl","webhookFormat":"JSON|DINGTALK|WECOM","channels":["EMAIL","WEBHOOK"]}. */
    @PutMapping(value = "/api/admin/units/{code}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UnitContacts setContacts(@PathVariable String code, @RequestBody Contacts body) {
        Unit unit = directory.unit(code).orElseThrow(() -> ApiException.notFound("单位不存在: " + code));
        Contacts contacts;
        try {
            contacts = Contacts.of(body.emails(), body.webhookUrl(), body.webhookFormat(), body.channels());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        directory.setContacts(code, contacts);
        return new UnitContacts(unit.code(), unit.name(), directory.contacts(code));
    }
}
