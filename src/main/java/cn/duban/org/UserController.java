package cn.duban.org;

import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;
import cn.duban.system.Paging;
import cn.duban.web.Paged;
import jakarta.servlet.http.HttpServletRequest;

@RestController
public class UserController {

    private final Caller caller;
    private final OrgDirectory directory;
    private final Users users;
    private final ContactSettings contacts;
    private final OwnPassword ownPassword;

    public UserController(Caller caller, OrgDirectory directory, Users users, ContactSettings contacts, OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
        this.caller = caller;
        this.directory = directory;
        this.users = users;
        this.contacts = contacts;
    }

    /** The caller: username, roles and units. */
    @GetMapping("/api/me")
    public UserAccount me() {
        return caller.current();
    }

    /** The caller's own new password, with the current one. */
    public record PasswordChange(String current, String password) {}

    /**
     * The caller changes their own password (see {@link OwnPassword}: a wrong current password counts as a failed
     * sign-in).
     */
    @PutMapping(value = "/api/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserAccount changePassword(@RequestBody PasswordChange body, HttpServletRequest request) {
        return ownPassword.change(caller.current(), body.current(), body.password(), request.getRemoteAddr());
    }

    /** Adds a user (ADMIN). */
    @PostMapping(value = "/api/admin/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount addUser(@RequestBody Users.Change body) {
        return users.add(body);
    }

    /** Changes a user's name, roles, units or password (ADMIN). */
    @PutMapping(value = "/api/admin/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserAccount updateUser(@PathVariable String username, @RequestBody Users.Change body) {
        return users.change(username, body);
    }

    // The directory is small by nature (a county's units and staff): its lists are read whole and sliced.

    /** Every user of the directory (ADMIN). */
    @GetMapping("/api/admin/users")
    public ResponseEntity<List<UserAccount>> users(@ParameterObject Paging paging) {
        return Paged.response(paging.slice(directory.users()));
    }

    /** Every unit of the directory. */
    @GetMapping("/api/units")
    public ResponseEntity<List<Unit>> units(@ParameterObject Paging paging) {
        return Paged.response(paging.slice(directory.units()));
    }

    @GetMapping("/api/admin/units")
    public ResponseEntity<List<ContactSettings.UnitContacts>> unitContacts(@ParameterObject Paging paging) {
        return Paged.response(paging.slice(contacts.units()));
    }

    /** Sets how a unit is reached: {"emails":[…],"webhookUrl","webhookFormat":"JSON|DINGTALK|WECOM","channels":["EMAIL","WEBHOOK"]}. */
    @PutMapping(value = "/api/admin/units/{code}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ContactSettings.UnitContacts setContacts(@PathVariable String code, @RequestBody Contacts body) {
        return contacts.set(code, body);
    }

    /** Sets the unit a unit belongs to (分解: a bureau's 科室): {"parent":"jia"}, or {"parent":null} for none. */
    @PutMapping(value = "/api/admin/units/{code}/parent", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ContactSettings.UnitContacts setParent(@PathVariable String code, @RequestBody ContactSettings.Parent body) {
        return contacts.setParent(code, body.parent());
    }
}
