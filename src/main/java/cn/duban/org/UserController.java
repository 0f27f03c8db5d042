package cn.duban.org;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.duban.security.Caller;

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
}
