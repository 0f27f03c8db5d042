package cn.duban.org;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A user of the directory with roles and the units whose work the user may do. */
public record UserAccount(String username, String name, @JsonIgnore String passwordHash, Set<Role> roles,
                          Set<String> units) {

    /** The user's name, or the username when the directory has none. */
    public String displayName() {
        return name == null ? username : name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @JsonIgnore
    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Reviewers: supervisors, and the office itself. */
    public boolean canReview() {
        return has(Role.ADMIN) || has(Role.SUPERVISOR);
    }

    /** Sees every item, not only those of its own units. */
    public boolean seesAll() {
        return canReview();
    }
}
