package cn.duban.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import cn.duban.org.Names;
import cn.duban.plan.PlanStore;

/**
 * An audit entry as the admin page reads it ({@code ${@auditDiff.changes(a)}}): what it is about, by name, and what
 * changed, field by field in words (字段: before → after) rather than the stored JSON; a text (a rule file, holidays.csv)
 * by the lines that changed.
 */
@Component("auditDiff")
public class AuditDiff {

    /** One changed field: its name, the value before and after (empty when there was none). */
    public record Change(String field, String before, String after) {}

    /** What an entry is about, in words, and its page when it has one. */
    public record Subject(String text, String href) {}

    static final int LONGEST = 200;

    /** The messages' prefix of the codes a field holds (roles: role.ADMIN…); a field may hold codes of several kinds. */
    private static final Map<String, List<String>> CODES = Map.of("step", List.of("step"), "decision", List.of("decision"),
            "roles", List.of("role"), "status", List.of("planStatus", "match"), "deadline", List.of("deadline"),
            "frequency", List.of("frequency"), "channels", List.of("channel"), "webhookFormat", List.of("webhook"),
            "findings", List.of("finding"));

    /** The fields that hold unit codes (a task's unit, a user's units); the plan's own unit fields hold names. */
    private static final Set<String> UNIT_CODES = Set.of("unit", "units");

    private final ObjectMapper json;
    private final MessageSource messages;
    private final Names names;
    private final PlanStore plans;

    public AuditDiff(ObjectMapper json, MessageSource messages, Names names, PlanStore plans) {
        this.json = json;
        this.messages = messages;
        this.names = names;
        this.plans = plans;
    }

    public List<Change> changes(AuditLog.Entry entry) {
        JsonNode before = parse(entry.before());
        JsonNode after = parse(entry.after());
        if ((before == null || before.isObject()) && (after == null || after.isObject()) && (before != null || after != null)) {
            Map<String, JsonNode> was = flatten(before);
            Map<String, JsonNode> is = flatten(after);
            Set<String> fields = new LinkedHashSet<>(was.keySet());
            fields.addAll(is.keySet());
            List<Change> changes = new ArrayList<>();
            for (String field : fields) {
                if (!Objects.equals(was.get(field), is.get(field))) {
                    String name = field.substring(field.lastIndexOf('.') + 1);
                    changes.add(new Change(label(field), value(name, was.get(field)), value(name, is.get(field))));
                }
            }
            return changes;
        }
        if (before == null && after == null) {
            return List.of();
        }
        if (before != null && after != null && before.isTextual() && after.isTextual()) {
            return lines(before.asText(), after.asText());
        }
        return List.of(new Change(word("field.value"), value("value", before), value("value", after)));
    }

    public Subject subject(AuditLog.Entry entry) {
        String subject = entry.subject();
        int colon = subject.indexOf(':');
        if (subject.startsWith("rules")) {
            return new Subject(word("subject.rules") + subject.substring("rules".length()).replace('/', ' '), null);
        }
        if (colon < 0) {
            return new Subject(subject, null);
        }
        String kind = subject.substring(0, colon);
        String id = subject.substring(colon + 1);
        String label = messages.getMessage("subject." + kind, null, kind, LocaleContextHolder.getLocale());
        return switch (kind) {
            case "user" -> new Subject(label + " " + names.user(id), null);
            case "unit" -> new Subject(label + " " + names.unit(id), null);
            case "plan" -> new Subject(label + " " + id, "/plans/" + id);
            case "item" -> plans.item(Long.parseLong(id))
                    .map(i -> new Subject(label + " " + i.number() + " " + abbreviate(i.title(), 30), "/items/" + id))
                    .orElse(new Subject(label + " " + id, null));
            default -> new Subject(label + " " + id, null);
        };
    }

    /** The lines between the texts' common start and end: 第3–4行: before → after. */
    private List<Change> lines(String before, String after) {
        List<String> was = before.lines().toList();
        List<String> is = after.lines().toList();
        int start = 0;
        while (start < was.size() && start < is.size() && was.get(start).equals(is.get(start))) {
            start++;
        }
        int end = 0;
        while (end < was.size() - start && end < is.size() - start
                && was.get(was.size() - 1 - end).equals(is.get(is.size() - 1 - end))) {
            end++;
        }
        if (start == was.size() && start == is.size()) {
            return List.of();
        }
        int last = start + Math.max(Math.max(was.size(), is.size()) - start - end, 1);
        return List.of(new Change(messages.getMessage("field.lines", new Object[] {start + 1, last}, LocaleContextHolder.getLocale()),
                abbreviate(String.join("\n", was.subList(start, was.size() - end)), LONGEST),
                abbreviate(String.join("\n", is.subList(start, is.size() - end)), LONGEST)));
    }

    /** A stored value: JSON when it reads as an object or array, otherwise the text as it was written. */
    private JsonNode parse(String stored) {
        if (stored == null) {
            return null;
        }
        String text = stored.strip();
        if (text.startsWith("{") || text.startsWith("[")) {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(stored);
            }
        }
        return TextNode.valueOf(stored);
    }

    /** An object's leaves by their path (first.text); lists and scalars are leaves. */
    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (node != null) {
            flatten("", node, leaves);
        }
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (!node.isObject()) {
            leaves.put(path, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
        }
    }

    /** A field's path in words: 前半部分 · 事项内容; a reminder kind as a key (the sweep's remindersByKind) by its name. */
    private String label(String path) {
        List<String> words = new ArrayList<>();
        for (String name : path.split("\\.")) {
            String word = messages.getMessage("field." + name, null, null, LocaleContextHolder.getLocale());
            words.add(word != null ? word : messages.getMessage("remind." + name, null, name, LocaleContextHolder.getLocale()));
        }
        return String.join(" · ", words);
    }

    /** A value in words: codes by their names, unit codes by the units' names, yes/no, lists joined by 、. */
    private String value(String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(value(field, v)));
            return abbreviate(String.join("、", values), LONGEST);
        }
        if (node.isBoolean()) {
            return word("value." + node.asBoolean());
        }
        if (node.isObject()) {
            return abbreviate(node.toString(), LONGEST);
        }
        String text = node.asText();
        if (UNIT_CODES.contains(field)) {
            return names.unit(text);
        }
        for (String prefix : CODES.getOrDefault(field, List.of())) {
            String word = messages.getMessage(prefix + "." + text, null, null, LocaleContextHolder.getLocale());
            if (word != null) {
                return word;
            }
        }
        return abbreviate(text, LONGEST);
    }

    private String word(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
