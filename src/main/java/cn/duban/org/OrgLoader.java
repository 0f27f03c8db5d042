package cn.duban.org;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.duban.notify.WebhookPolicy;
import cn.duban.system.Folders;
import cn.duban.system.Settings;

/**
 * Fills an empty organization directory on first start: from the YAML file {@code duban.org-file}, or with a
 * single {@code admin} user when no file is given: ADMIN and OPERATOR, the only one who can then make other operators.
 */
@Component
@Order(1)
public class OrgLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrgLoader.class);

    /** The organization file's shape. */
    public record OrgFile(List<UnitEntry> units, List<GroupEntry> groups, List<UserEntry> users) {}

    /** A unit; {@code parent}: the code of the unit it belongs to (a bureau's 科室 names the bureau), if any. */
    public record UnitEntry(String code, String name, String parent, List<String> emails, String webhook,
                            Contacts.WebhookFormat webhookFormat, List<Contacts.Channel> channels) {}

    public record GroupEntry(String name, List<String> units) {}

    public record UserEntry(String username, String name, String password, List<Role> roles, List<String> units) {}

    private final OrgDirectory directory;
    private final PasswordEncoder passwords;
    private final Users users;
    private final String orgFile;
    private final String adminPassword;
    private final WebhookPolicy webhooks;

    public OrgLoader(OrgDirectory directory, PasswordEncoder passwords, Users users, WebhookPolicy webhooks,
                     Settings settings) {
        this.webhooks = webhooks;
        this.directory = directory;
        this.passwords = passwords;
        this.users = users;
        this.orgFile = settings.orgFile();
        this.adminPassword = settings.adminPassword();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!directory.isEmpty()) {
            return;
        }
        if (!orgFile.isBlank()) {
            Resource resource = Folders.resource(orgFile);
            try (InputStream in = resource.getInputStream()) {
                OrgFile file = new ObjectMapper(new YAMLFactory())
                        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                        .readValue(in, OrgFile.class);
                load(file);
                log.info("Organization directory loaded from {}: {} units, {} users", orgFile,
                        size(file.units()), size(file.users()));
            }
            return;
        }
        String password = adminPassword.isBlank() ? randomPassword() : adminPassword;
        directory.addUser(new UserAccount("admin", "政务公开办", passwords.encode(password),
                EnumSet.of(Role.ADMIN, Role.OPERATOR), Set.of()));
        if (adminPassword.isBlank()) {
            log.warn("No organization file (duban.org-file) given: created user 'admin' with password {}", password);
        }
    }

    /** Without a channels list a unit reads what it gave: e-mail when it has addresses, its webhook when it has one. */
    private static List<Contacts.Channel> given(UnitEntry u) {
        List<Contacts.Channel> given = new ArrayList<>();
        if (!nonNull(u.emails()).isEmpty()) {
            given.add(Contacts.Channel.EMAIL);
        }
        if (u.webhook() != null && !u.webhook().isBlank()) {
            given.add(Contacts.Channel.WEBHOOK);
        }
        return given;
    }

    void load(OrgFile file) {
        Set<String> codes = new HashSet<>();
        for (UnitEntry u : nonNull(file.units())) {
            require(u.code() != null && u.code().matches("[A-Za-z0-9_-]+"), "单位代码无效: " + u.code());
            require(u.name() != null && !u.name().isBlank(), "单位缺少名称: " + u.code());
            require(codes.add(u.code()), "单位代码重复: " + u.code());
            directory.addUnit(new Unit(u.code(), u.name().trim(), null));
            List<Contacts.Channel> channels = u.channels() == null || u.channels().isEmpty() ? given(u) : u.channels();
            if (!channels.isEmpty()) {
                Contacts contacts;
                try {
                    contacts = Contacts.of(nonNull(u.emails()), u.webhook(), u.webhookFormat(), channels);
                    webhooks.checkSetting(contacts.webhookUrl());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("组织机构文件有误: 单位 " + u.code() + ": " + e.getMessage());
                }
                directory.setContacts(u.code(), contacts);
            }
        }
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        for (UnitEntry u : nonNull(file.units())) {
            if (u.parent() != null && !u.parent().isBlank()) {
                require(codes.contains(u.parent()), "单位 " + u.code() + " 的上级单位不存在: " + u.parent());
                parents.put(u.code(), u.parent());
            }
        }
        parents.forEach((code, parent) -> {
            java.util.Set<String> chain = new HashSet<>(List.of(code));
            for (String p = parent; p != null; p = parents.get(p)) {
                require(chain.add(p), "单位的上级关系成环: " + code);
            }
            directory.setParent(code, parent);
        });
        for (GroupEntry g : nonNull(file.groups())) {
            nonNull(g.units()).forEach(c -> require(codes.contains(c), "单位组 " + g.name() + " 含未知单位: " + c));
            directory.addGroup(g.name().trim(), nonNull(g.units()));
        }
        for (UserEntry u : nonNull(file.users())) {
            try {
                users.load(u.username(), u.name(), u.password(), nonNull(u.roles()), nonNull(u.units()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("组织机构文件有误: " + e.getMessage());
            }
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static int size(List<?> list) {
        return nonNull(list).size();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("组织机构文件有误: " + message);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        String chars = "abcdefghjkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 12; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
