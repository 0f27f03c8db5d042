package cn.duban.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.duban.org.OrgDirectory;
import cn.duban.org.Role;
import cn.duban.org.Unit;
import cn.duban.org.UserAccount;

/**
 * Mirrors the organization directory into Camunda's identity service at start-up: each unit is a group (the
 * candidate group of its tasks), each role a group, each user a member of its units and roles — and of no other group
 * (a membership the directory no longer gives is removed). OPERATOR users are also Camunda administrators
 * (camunda-admin). Passwords stay in the directory; Camunda's web apps take the login from Spring Security.
 */
@Component
@Order(2)
public class EngineIdentity implements ApplicationRunner {

    private final IdentityService identity;
    private final OrgDirectory directory;

    public EngineIdentity(IdentityService identity, OrgDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    /** Brings Camunda's groups, users and memberships in line with the directory (after a change to it, too). */
    public void sync() {
        for (Unit unit : directory.units()) {
            group(unit.code(), unit.name(), "UNIT");
        }
        for (Role role : Role.values()) {
            group(role.name(), role.name(), "ROLE");
        }
        group("camunda-admin", "Camunda administrators", "SYSTEM");
        for (UserAccount account : directory.users()) {
            User user = identity.createUserQuery().userId(account.username()).singleResult();
            if (user == null) {
                user = identity.newUser(account.username());
            }
            user.setFirstName(account.displayName());
            user.setLastName("");
            identity.saveUser(user);
            List<String> groups = new java.util.ArrayList<>(account.units());
            account.roles().forEach(r -> groups.add(r.name()));
            if (account.has(Role.OPERATOR)) {
                groups.add("camunda-admin");
            }
            java.util.Set<String> member = new java.util.HashSet<>();
            for (Group current : identity.createGroupQuery().groupMember(account.username()).list()) {
                if (groups.contains(current.getId())) {
                    member.add(current.getId());
                } else {
                    identity.deleteMembership(account.username(), current.getId());
                }
            }
            for (String group : groups) {
                if (!member.contains(group)) {
                    identity.createMembership(account.username(), group);
                }
            }
        }
    }

    private void group(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }
}
