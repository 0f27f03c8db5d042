package cn.duban.org;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.duban.system.Settings;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.workflow.EngineIdentity;

/**
 * Adding and changing users, with the same checks wherever they come from (the organization file, the API, the
 * admin page): a username of letters, digits and _ . @ -, a password, known units; passwords are stored hashed. A
 * password typed through the API or a page is always hashed (even one that looks encoded) and must be long enough.
 * What the office adds or changes is audited and passed on to the engine's identities; only an operator grants
 * OPERATOR or changes an operator.
 */
@Service
public class Users {

    private final OrgDirectory directory;
    private final PasswordEncoder passwords;
    private final int minLength;
    private final Caller caller;
    private final EngineIdentity identity;
    private final AuditLog audit;

    public Users(OrgDirectory directory, PasswordEncoder passwords, Settings settings, Caller caller, EngineIdentity identity,
                 AuditLog audit) {
        this.directory = directory;
        this.passwords = passwords;
        this.minLength = settings.password().minLength();
        this.caller = caller;
        this.identity = identity;
        this.audit = audit;
    }

    /** A user to add or change: a null field is left as it is when changing; password only to set a new one. */
    public record Change(String username, String name, String password, List<Role> roles, List<String> units) {}

    /** The office adds a user with a password as typed (the API and the pages): it must be long enough, and is always hashed. */
    public UserAccount add(Change c) {
        requireOperatorFor(c.roles() != null && c.roles().contains(Role.OPERATOR));
        if (c.username() != null && directory.user(c.username()).isPresent()) {
            throw ApiException.conflict("用户已存在: " + c.username());
        }
        try {
            UserAccount user = insert(c.username(), c.name(), passwords.encode(typed(c.username(), c.password())), c.roles(),
                    c.units());
            identity.sync();
            audit.record("USER_ADDED", "user:" + user.username(), null, user);
            return user;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The office changes a user's name, roles, units or password. */
    public UserAccount change(String username, Change c) {
        UserAccount before = directory.user(username).orElseThrow(() -> ApiException.notFound("用户不存在: " + username));
        requireOperatorFor(before.has(Role.OPERATOR) || c.roles() != null && c.roles().contains(Role.OPERATOR));
        try {
            UserAccount user = update(username, c.name(), c.password(), c.roles(), c.units());
            identity.sync();
            audit.record(c.password() == null || c.password().isBlank() ? "USER_CHANGED" : "USER_CHANGED_WITH_PASSWORD",
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

    /**
     * Adds a user of the organization file, whose password may be given already encoded ({@code {bcrypt}…},
     * {@code {noop}…}); only the file, which the server's operator writes, may do that.
     */
    public UserAccount load(String username, String name, String password, Collection<Role> roles, Collection<String> units) {
        require(password != null && !password.isBlank(), "请设置密码: " + username);
        return insert(username, name, password.startsWith("{") ? password : passwords.encode(password), roles, units);
    }

    /** Changes a user's name, roles and units, and the password (as typed) when one is given. */
    public UserAccount update(String username, String name, String password, Collection<Role> roles, Collection<String> units) {
        UserAccount current = directory.user(username).orElseThrow(() -> new IllegalArgumentException("用户不存在: " + username));
        directory.updateUser(new UserAccount(username, name == null ? current.name() : name,
                password == null || password.isBlank() ? current.passwordHash() : passwords.encode(typed(username, password)),
                roles == null ? current.roles() : roles(roles), units == null ? current.units() : units(username, units)));
        return directory.user(username).orElseThrow();
    }

    private UserAccount insert(String username, String name, String hash, Collection<Role> roles, Collection<String> units) {
        require(username != null && username.matches("[A-Za-z0-9_.@-]{1,100}"), "用户名无效 (只能含字母、数字和 _ . @ -): " + username);
        require(directory.user(username).isEmpty(), "用户已存在: " + username);
        directory.addUser(new UserAccount(username, name, hash, roles(roles), units(username, units)));
        return directory.user(username).orElseThrow();
    }

    /** The shortest password a person may set (the 我的账户 page says so). */
    public int minLength() {
        return minLength;
    }

    /** A password as a person typed it: at least {@code duban.password.min-length} characters. */
    private String typed(String username, String password) {
        require(password != null && !password.isBlank(), "请设置密码: " + username);
        require(password.length() >= minLength, "密码至少 " + minLength + " 个字符");
        require(password.length() <= 200, "密码过长 (最多 200 个字符)");
        return password;
    }

    private static Set<Role> roles(Collection<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.of(Role.UNIT) : EnumSet.copyOf(roles);
    }

    private Set<String> units(String username, Collection<String> units) {
        Set<String> known = new LinkedHashSet<>();
        for (String u : units == null ? List.<String>of() : units) {
            require(directory.unit(u).isPresent(), "用户 " + username + " 含未知单位: " + u);
            known.add(u);
        }
        return known;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
