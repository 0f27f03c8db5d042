package cn.duban.org;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.notify.WebhookPolicy;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;

@RestController
public class UserController {

    private final Caller caller;
    private final OrgDirectory directory;
    private final Users users;
    private final cn.duban.workflow.EngineIdentity identity;
    private final AuditLog audit;
    private final OwnPassword ownPassword;
    private final WebhookPolicy webhooks;

    public UserController(Caller caller, OrgDirectory directory, Users users, cn.duban.workflow.EngineIdentity identity,
                          AuditLog audit, OwnPassword ownPassword, WebhookPolicy webhooks) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.ownPassword = ownPassword;
        this.caller = caller;
        this.directory = directory;
        this.users = users;
        this.identity = identity;
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

    /** A user to add or change: a null field is left as it is when changing; password only to set a new one. */
    public record UserChange(String username, String name, String password, List<Role> roles, List<String> units) {}

    /** Adds a user (ADMIN). */
    @PostMapping(value = "/api/admin/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount addUser(@RequestBody UserChange body) {
        requireOperatorFor(body.roles() != null && body.roles().contains(Role.OPERATOR));
        if (body.username() != null && directory.user(body.username()).isPresent()) {
            throw ApiException.conflict("用户已存在: " + body.username());
        }
        try {
            UserAccount user = users.add(body.username(), body.name(), body.password(), body.roles(), body.units());
            identity.sync();
            audit.record("USER_ADDED", "user:" + user.username(), null, user);
            return user;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Changes a user's name, roles, units or password (ADMIN). */
    @PutMapping(value = "/api/admin/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public UserAccount updateUser(@PathVariable String username, @RequestBody UserChange body) {
        UserAccount before = directory.user(username).orElseThrow(() -> ApiException.notFound("用户不存在: " + username));
        requireOperatorFor(before.has(Role.OPERATOR) || body.roles() != null && body.roles().contains(Role.OPERATOR));
        try {
            UserAccount user = users.update(username, body.name(), body.password(), body.roles(), body.units());
            identity.sync();
            audit.record(body.password() == null || body.password().isBlank() ? "USER_CHANGED" : "USER_CHANGED_WITH_PASSWORD",
                    "user:" + username, before, user);
            return user;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** An operator runs code on the server: only an operator makes one, or changes one (a password reset would be the same). */
    private void requireOperatorFor(boolean touchesOperator) {
        if (touchesOperator && !caller.current().has(Role.OPERATOR)) {
            throw ApiException.forbidden("只有系统运维 (OPERATOR) 可以授予该角色或修改系统运维用户");
        }
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
            webhooks.checkSetting(contacts.webhookUrl());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Contacts before = directory.contacts(code);
        directory.setContacts(code, contacts);
        audit.record("CONTACTS_CHANGED", "unit:" + code, before, directory.contacts(code));
        return new UnitContacts(unit.code(), unit.name(), directory.contacts(code));
    }
}
