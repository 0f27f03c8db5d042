package cn.duban.org;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.duban.rules.CalendarWarning;
import cn.duban.rules.PolicyFiles;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.Paging;
import cn.duban.workflow.SweepFailures;

/**
 * 管理 (ADMIN), one page of several features' forms: units and how they are reached, users, the working-day
 * calendar's overrides, ledger import, the audit log and failed sweeps. The forms that answer on the page itself
 * (ledger import, holiday notice) add their result and show it again.
 */
@Component
public class AdminPage {

    private final Caller caller;
    private final ContactSettings contacts;
    private final OrgDirectory directory;
    private final PolicyFiles policy;
    private final CalendarWarning calendarWarning;
    private final AuditLog audit;
    private final SweepFailures sweepFailures;

    public AdminPage(Caller caller, ContactSettings contacts, OrgDirectory directory, PolicyFiles policy,
                     CalendarWarning calendarWarning, AuditLog audit, SweepFailures sweepFailures) {
        this.caller = caller;
        this.contacts = contacts;
        this.directory = directory;
        this.policy = policy;
        this.calendarWarning = calendarWarning;
        this.audit = audit;
        this.sweepFailures = sweepFailures;
    }

    /** The page's view, its model filled. */
    public String show(Model model) {
        model.addAttribute("me", caller.current());
        model.addAttribute("units", contacts.units());
        model.addAttribute("users", directory.users());
        model.addAttribute("holidays", policy.holidays());
        model.addAttribute("calendarMissing", calendarWarning.missing());
        model.addAttribute("roles", Role.values());
        model.addAttribute("audit", audit.list(null, null, new Paging(0, 50)).rows());
        model.addAttribute("sweepFailures", sweepFailures.list(false, Paging.FIRST).rows());
        return "admin";
    }
}
