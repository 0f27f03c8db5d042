package cn.duban.org;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.duban.notify.WebhookPolicy;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;

/**
 * How the office reaches each unit, and which unit it belongs to (分解: a bureau's 科室) (ADMIN): listed, and changed
 * after checking, audited.
 */
@Service
public class ContactSettings {

    /** A unit with its contacts and the unit it belongs to (null: none). */
    public record UnitContacts(String code, String name, String parent, Contacts contacts) {}

    /** The unit a unit belongs to: a unit code, or null for none. */
    public record Parent(String parent) {}

    private final OrgDirectory directory;
    private final WebhookPolicy webhooks;
    private final AuditLog audit;

    public ContactSettings(OrgDirectory directory, WebhookPolicy webhooks, AuditLog audit) {
        this.directory = directory;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    public List<UnitContacts> units() {
        return directory.units().stream().map(this::of).toList();
    }

    /** Sets how a unit is reached: addresses, a webhook the policy allows, the channels used. */
    public UnitContacts set(String code, Contacts body) {
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
        return of(unit);
    }

    /** Sets the unit a unit belongs to: an existing unit, never itself nor one of its own descendants (null: none). */
    public UnitContacts setParent(String code, String parent) {
        Unit unit = directory.unit(code).orElseThrow(() -> ApiException.notFound("单位不存在: " + code));
        String wanted = parent == null || parent.isBlank() ? null : parent.strip();
        if (wanted != null) {
            directory.unit(wanted).orElseThrow(() -> ApiException.badRequest("上级单位不存在: " + wanted));
            for (String p = wanted; p != null; p = directory.unit(p).map(Unit::parent).orElse(null)) {
                if (p.equals(code)) {
                    throw ApiException.badRequest("上级单位不能是本单位或其下级单位: " + wanted);
                }
            }
        }
        if (!java.util.Objects.equals(unit.parent(), wanted)) {
            directory.setParent(code, wanted);
            audit.record("UNIT_PARENT_CHANGED", "unit:" + code, new Parent(unit.parent()), new Parent(wanted));
        }
        return of(directory.unit(code).orElseThrow());
    }

    private UnitContacts of(Unit u) {
        return new UnitContacts(u.code(), u.name(), u.parent(), directory.contacts(u.code()));
    }
}
