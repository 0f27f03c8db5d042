package cn.duban.org;

import java.util.Collection;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * People and units by their names for the pages ({@code ${@names.user(e.actor())}}): the directory's name of a user
 * or unit, the code itself when the directory has none (a unit or user since removed), and the timer's and start-up's
 * actor as 系统.
 */
@Component("names")
public class Names {

    private final OrgDirectory directory;
    private final MessageSource messages;

    public Names(OrgDirectory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    public String user(String username) {
        if (username == null) {
            return "";
        }
        if (cn.duban.security.AuditLog.SYSTEM.equals(username)) { // the sweep, start-up, the engine
            return messages.getMessage("actor.system", null, LocaleContextHolder.getLocale());
        }
        return directory.user(username).map(u -> u.name() == null || u.name().isBlank() ? username : u.name()).orElse(username);
    }

    /** A unit's name; ADMIN and SUPERVISOR, who hold the office's and the supervisors' queue, as their role's words. */
    public String unit(String code) {
        return isRole(code) ? messages.getMessage("role." + code, null, LocaleContextHolder.getLocale()) : name(code);
    }

    /**
     * A unit's name in the Chinese messages the server stores and sends (notices, e-mails), whatever language the
     * request that caused them speaks.
     */
    public String unitInChinese(String code) {
        return isRole(code) ? cn.duban.system.Words.chinese("role", code) : name(code);
    }

    /** Unit names in order, joined by 、, for a stored message ({@link #unitInChinese}). */
    public String units(Collection<String> codes) {
        return String.join("、", codes == null ? List.of() : codes.stream().map(this::unitInChinese).toList());
    }

    private static boolean isRole(String code) {
        return Role.ADMIN.name().equals(code) || Role.SUPERVISOR.name().equals(code);
    }

    private String name(String code) {
        return code == null ? "" : directory.unit(code).map(Unit::name).orElse(code);
    }
}
