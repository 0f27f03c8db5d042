package cn.duban;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.duban.lookback.LookBackCases;
import cn.duban.org.Contacts;
import cn.duban.org.Role;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.parse.Confidence;
import cn.duban.plan.parse.Deadline;
import cn.duban.rules.Colour;
import cn.duban.rules.HolidayNotice;
import cn.duban.rules.Remind;
import cn.duban.rules.UnitYear;
import cn.duban.workflow.Extensions;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ProgressReports;
import cn.duban.workflow.Step;

/** The codes the pages show in words, by the prefix of their message keys (step → step.ASSIGN=交办确认). */
public final class Codes {

    public static final Map<String, List<String>> LABELLED = new LinkedHashMap<>();

    static {
        put("step", Step.class);
        put("action", ItemHistory.Action.class);
        put("reportKind", ProgressReports.Kind.class);
        put("decision", ProgressReports.Decision.class);
        put("role", Role.class);
        put("colour", Colour.Shade.class);
        put("status", Item.Status.class);
        put("planStatus", PlanRecord.Status.class);
        put("caseStatus", LookBackCases.Status.class);
        put("deadline", Deadline.Kind.class);
        put("frequency", Deadline.Frequency.class);
        put("confidence", Confidence.Level.class);
        put("admin.notice", HolidayNotice.Type.class);
        put("channel", Contacts.Channel.class);
        put("webhook", Contacts.WebhookFormat.class);
        put("extension", Extensions.Status.class);
        LABELLED.put("remind", Remind.KINDS);
        LABELLED.put("score", UnitYear.CAUSES);
    }

    private static void put(String prefix, Class<? extends Enum<?>> type) {
        LABELLED.put(prefix, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private Codes() {}
}
