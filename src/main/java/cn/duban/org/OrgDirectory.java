package cn.duban.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The organization directory: units, unit groups, users with their roles and units. The units and groups, which every
 * read of a plan resolves its items' unit names against, are kept in memory (a {@link Snapshot}) for as long as the
 * directory's version (table org_version, bumped by every change of units, parents or groups, on any node) stays the
 * same: a request reads the version once, work outside a request once per transaction (a launch's thousands of
 * starts, the sweep), and anything else on every use.
 */
@Repository
public class OrgDirectory {

    /** The units and groups of one version of the directory: each unit by code, each name's unit codes. */
    private record Snapshot(long version, Map<String, Unit> units, Map<String, List<String>> codes) {}

    /** The request attribute (or transaction resource) holding the directory version a request (or transaction) read. */
    private static final String VERSION = OrgDirectory.class.getName() + ".version";

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    public OrgDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The units and groups as of the directory's current version, read again when it changed. */
    private Snapshot current() {
        long version = version();
        Snapshot known = snapshot;
        if (known != null && known.version() == version) {
            return known;
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        units().forEach(u -> units.put(u.code(), u));
        // a name of a unit (or its code) stands for that unit; a group's name, not also a unit's, for its members
        Map<String, List<String>> codes = new HashMap<>();
        jdbc.sql("select group_name, unit_code from unit_group_member order by group_name, unit_code")
                .query((rs, n) -> codes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        Map<String, Set<String>> direct = new HashMap<>();
        units.values().forEach(u -> {
            direct.computeIfAbsent(u.name(), k -> new LinkedHashSet<>()).add(u.code());
            direct.computeIfAbsent(u.code(), k -> new LinkedHashSet<>()).add(u.code());
        });
        direct.forEach((name, of) -> codes.put(name, List.copyOf(of)));
        known = new Snapshot(version, Collections.unmodifiableMap(units), Map.copyOf(codes));
        snapshot = known;
        return known;
    }

    /**
     * The directory's version: read once per request (then kept in the request), outside one once per transaction
     * (kept in it until it ends), else on every call.
     */
    private long version() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object read = request != null ? request.getAttribute(VERSION, RequestAttributes.SCOPE_REQUEST)
                : TransactionSynchronizationManager.getResource(VERSION);
        if (read != null) {
            return (Long) read;
        }
        long version = jdbc.sql("select version from org_version where id = 1").query(Long.class).single();
        if (request != null) {
            request.setAttribute(VERSION, version, RequestAttributes.SCOPE_REQUEST);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.bindResource(VERSION, version);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(VERSION);
                }
            });
        }
        return version;
    }

    /**
     * Units, parents or groups changed: the version goes up for every node, and this node forgets what it knew now
     * and again when the transaction ends (had it rolled back, what was read inside it never was).
     */
    private void changed() {
        jdbc.sql("update org_version set version = version + 1 where id = 1").update();
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        snapshot = null;
        TransactionSynchronizationManager.unbindResourceIfPossible(VERSION);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(VERSION, RequestAttributes.SCOPE_REQUEST);
        }
    }

    public boolean isEmpty() {
        return jdbc.sql("select (select count(*) from unit) + (select count(*) from app_user)")
                .query(Long.class).single() == 0;
    }

    public List<Unit> units() {
        return jdbc.sql("select code, name, parent_code as parent from unit order by code").query(Unit.class).list();
    }

    /** The units that belong to a unit (its 科室), by code. */
    public List<Unit> children(String code) {
        return jdbc.sql("select code, name, parent_code as parent from unit where parent_code = ? order by code").param(code)
                .query(Unit.class).list();
    }

    /** The unit groups' names (a group stands for its member units wherever a unit is named). */
    public List<String> groups() {
        return jdbc.sql("select name from unit_group order by name").query(String.class).list();
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(current().units().get(code));
    }

    /** Every unit and group name of the directory: the parser's gazetteer of names that are units. */
    public Set<String> names() {
        return new java.util.HashSet<>(jdbc.sql("select name from unit union select name from unit_group")
                .query(String.class).list());
    }

    /** The names that stand for no unit and no group of the directory, in their order. */
    public List<String> unknown(java.util.Collection<String> names) {
        return names.stream().filter(name -> resolve(name).isEmpty()).toList();
    }

    /**
     * The unit codes a printed name stands for: a unit (by name or code) gives one, a group gives its members,
     * an unknown name gives none.
     */
    public List<String> resolve(String name) {
        return current().codes().getOrDefault(name.trim(), List.of());
    }

    /** Every name (a unit's name or code, a group's name) that {@link #resolve}s to one of these codes at least. */
    public Set<String> namesOf(java.util.Collection<String> codes) {
        Set<String> names = new java.util.HashSet<>();
        current().codes().forEach((name, of) -> {
            if (of.stream().anyMatch(codes::contains)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Codes of every name, in order, without repeats; unknown names are left out. */
    public List<String> resolveAll(Collection<String> names) {
        Set<String> codes = new LinkedHashSet<>();
        names.forEach(n -> codes.addAll(resolve(n)));
        return new ArrayList<>(codes);
    }

    public Optional<UserAccount> user(String username) {
        return accounts(" where u.username = ?", username).stream().findFirst();
    }

    public List<UserAccount> users() {
        return accounts("");
    }

    /** Users with their roles and units, in one query (every API request reads its caller). */
    private List<UserAccount> accounts(String where, Object... params) {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        jdbc.sql("select u.username, u.display_name, u.password_hash, r.role, m.unit_code from app_user u "
                        + "left join user_role r on r.username = u.username left join user_unit m on m.username = u.username"
                        + where + " order by u.username, m.unit_code")
                .params(params)
                .query(rs -> {
                    UserAccount user = users.get(rs.getString(1));
                    if (user == null) {
                        user = new UserAccount(rs.getString(1), rs.getString(2), rs.getString(3), EnumSet.noneOf(Role.class),
                                new LinkedHashSet<>());
                        users.put(user.username(), user);
                    }
                    if (rs.getString(4) != null) {
                        user.roles().add(Role.valueOf(rs.getString(4)));
                    }
                    if (rs.getString(5) != null) {
                        user.units().add(rs.getString(5));
                    }
                });
        return List.copyOf(users.values());
    }

    /** Unit names by code, for display. */
    public Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        current().units().values().forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    public void addUnit(Unit unit) {
        jdbc.sql("insert into unit (code, name, parent_code) values (?, ?, ?)").params(unit.code(), unit.name(), unit.parent())
                .update();
        changed();
    }

    /** Sets the unit a unit belongs to (null: none). */
    public void setParent(String code, String parent) {
        jdbc.sql("update unit set parent_code = ? where code = ?").params(parent, code).update();
        changed();
    }

    /** How a unit is reached besides the inbox; no contacts for an unknown code. */
    public Contacts contacts(String code) {
        return jdbc.sql("select emails, webhook_url, webhook_format, channels from unit where code = ?").param(code)
                .query((rs, i) -> new Contacts(split(rs.getString(1)).stream().toList(), rs.getString(2),
                        rs.getString(3) == null ? null : Contacts.WebhookFormat.valueOf(rs.getString(3)),
                        split(rs.getString(4)).stream().map(Contacts.Channel::valueOf)
                                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Contacts.Channel.class)))))
                .optional().orElse(Contacts.NONE);
    }

    public void setContacts(String code, Contacts c) {
        jdbc.sql("update unit set emails = ?, webhook_url = ?, webhook_format = ?, channels = ? where code = ?")
                .params(String.join(",", c.emails()), c.webhookUrl(), c.webhookFormat() == null ? null : c.webhookFormat().name(),
                        String.join(",", c.channels().stream().map(Enum::name).toList()), code)
                .update();
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    public void addGroup(String name, Collection<String> unitCodes) {
        jdbc.sql("insert into unit_group (name) values (?)").param(name).update();
        unitCodes.forEach(code -> jdbc.sql("insert into unit_group_member (group_name, unit_code) values (?, ?)")
                .params(name, code).update());
        changed();
    }

    /** Replaces a user's name, password hash, roles and units. */
    public void updateUser(UserAccount user) {
        jdbc.sql("update app_user set display_name = ?, password_hash = ? where username = ?")
                .params(user.name(), user.passwordHash(), user.username()).update();
        jdbc.sql("delete from user_role where username = ?").param(user.username()).update();
        jdbc.sql("delete from user_unit where username = ?").param(user.username()).update();
        user.roles().forEach(r -> jdbc.sql("insert into user_role (username, role) values (?, ?)")
                .params(user.username(), r.name()).update());
        user.units().forEach(u -> jdbc.sql("insert into user_unit (username, unit_code) values (?, ?)")
                .params(user.username(), u).update());
    }

    public void addUser(UserAccount user) {
        jdbc.sql("insert into app_user (username, display_name, password_hash) values (?, ?, ?)")
                .params(user.username(), user.name(), user.passwordHash()).update();
        user.roles().forEach(r -> jdbc.sql("insert into user_role (username, role) values (?, ?)")
                .params(user.username(), r.name()).update());
        user.units().forEach(u -> jdbc.sql("insert into user_unit (username, unit_code) values (?, ?)")
                .params(user.username(), u).update());
    }
}
