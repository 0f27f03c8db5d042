package cn.duban.plan.parse;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * A parsed plan as the command line prints it, with exactly these fields: title, organ, docNumber, year,
 * issuedOn, items [number, path, text, leadUnits, responsibleUnits, cooperatingUnits,
 * deadline {raw, kind, due, frequency}, requirements [count, per], confidence {level, reasons}], warnings.
 */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {}

    public static ObjectNode of(ParsedPlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", plan.title());
        root.put("organ", plan.organ());
        root.put("docNumber", plan.docNumber());
        root.put("year", plan.year());
        root.put("issuedOn", date(plan.issuedOn()));
        ArrayNode items = root.putArray("items");
        java.util.Iterator<Confidence> confidence = Confidence.of(plan.items()).iterator();
        for (ParsedItem item : plan.items()) {
            ObjectNode i = items.addObject();
            i.put("number", item.number());
            item.path().forEach(i.putArray("path")::add);
            i.put("text", item.text());
            item.leadUnits().forEach(i.putArray("leadUnits")::add);
            item.responsibleUnits().forEach(i.putArray("responsibleUnits")::add);
            item.cooperatingUnits().forEach(i.putArray("cooperatingUnits")::add);
            ObjectNode d = i.putObject("deadline");
            d.put("raw", item.deadline().raw());
            d.put("kind", item.deadline().kind().name());
            d.put("due", date(item.deadline().due()));
            d.put("frequency", item.deadline().frequency() == null ? null : item.deadline().frequency().name());
            ArrayNode requirements = i.putArray("requirements");
            item.requirements().forEach(r -> requirements.addObject().put("count", r.count()).put("per", r.per().name()));
            Confidence c = confidence.next();
            ObjectNode trust = i.putObject("confidence").put("level", c.level().name());
            c.reasons().forEach(trust.putArray("reasons")::add);
        }
        plan.warnings().forEach(root.putArray("warnings")::add);
        return root;
    }

    public static String write(ParsedPlan plan) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(of(plan));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
