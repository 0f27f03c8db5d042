package cn.duban.org;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Adding and changing users, with the same checks wherever they come from (the organization file, the API, the
 * admin page): a username of letters, digits and _ . @ -, a password, known units; passwords are stored hashed.
 */
@Service
public class Users {

    private final OrgDirectory directory;
    private final PasswordEncoder passwords;

    public Users(OrgDirectory directory, PasswordEncoder passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    public UserAccount add(String username, String name, String password, Collection<Role> roles, Collection<String> units) {
        require(username != null && username.matches("[A-Za-z0-9_.@-]{1,100}"), "用户名无效 (只能含字母、数字和 _ . @ -): " + username);
        require(directory.user(username).isEmpty(), "用户已存在: " + username);
        require(password != null && !password.isBlank(), "请设置密码: " + username);
        UserAccount user = new UserAccount(username, name, hash(password), roles(roles), units(username, units));
        directory.addUser(user);
        return directory.user(username).orElseThrow();
    }

    /** Changes a user's name, roles and units, and the password when one is given. */
    public UserAccount update(String username, String name, String password, Collection<Role> roles, Collection<String> units) {
        UserAccount current = directory.user(username).orElseThrow(() -> new IllegalArgumentException("用户不存在: " + username));
        directory.updateUser(new UserAccount(username, name == null ? current.name() : name,
                password == null || password.isBlank() ? current.passwordHash() : hash(password),
                roles == null ? current.roles() : roles(roles), units == null ? current.units() : units(username, units)));
        return directory.user(username).orElseThrow();
    }

    private String hash(String password) {
        return password.startsWith("{") ? password : passwords.encode(password);
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
