package cn.duban.org;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.duban.notify.WebhookPolicy;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;

/** How the office reaches each unit (ADMIN): listed, and changed after checking, audited. */
@Service
public class ContactSettings {

    /** A unit with its contacts. */
    public record UnitContacts(String code, String name, Contacts contacts) {}

    private final OrgDirectory directory;
    private final WebhookPolicy webhooks;
    private final AuditLog audit;

    public ContactSettings(OrgDirectory directory, WebhookPolicy webhooks, AuditLog audit) {
        this.directory = directory;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    public List<UnitContacts> units() {
        return directory.units().stream().map(u -> new UnitContacts(u.code(), u.name(), directory.contacts(u.code()))).toList();
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
        return new UnitContacts(unit.code(), unit.name(), directory.contacts(code));
    }
}
