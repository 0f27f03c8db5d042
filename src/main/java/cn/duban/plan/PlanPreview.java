package cn.duban.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.plan.parse.Confidence;
import cn.duban.plan.parse.Deadline;
import cn.duban.plan.parse.Numerals;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.plan.parse.Requirement;
import cn.duban.org.UserAccount;
import cn.duban.security.AuditLog;
import cn.duban.system.ApiException;
import cn.duban.system.Paging;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.ItemUnits;

/**
 * The import preview: the office corrects what no parser can know before launch — an item's text, units and
 * deadline — and adds, deletes, splits, merges and moves items; only DRAFT items of an IMPORTED plan (409 once
 * launched). After each change the items concerned are renumbered in document order within their parent heading
 * (the chapter, or the section when the plan has sections), in the numbering style that heading used (1 or (一));
 * a plan that counts its items through (1 … N across chapters) is counted through again. An item that is itself a
 * chapter (its path is just 一) keeps its number. Unknown unit names are kept and listed in the plan's warnings, as on
 * import; a warning about an item follows its new path, and goes with the item when it is deleted or merged away.
 */
@Service
public class PlanPreview {

    public enum Neighbour { PREVIOUS, NEXT }

    /** Where to split: at a character offset of the text, or where the given text (the second item's start) begins. */
    public record Split(Integer at, String second) {}

    public record Merge(Neighbour into) {}

    public record Move(String chapter) {}

    /** An item to check first, its confidence below HIGH, and why. */
    public record Check(long itemId, List<String> path, String title, Confidence.Level level, List<String> reasons) {}

    private static final Pattern BRACKETED = Pattern.compile("\\([零一二三四五六七八九十]+\\)");
    private static final Pattern ITEM_WARNING = Pattern.compile("事项 (\\S+): (.*)", Pattern.DOTALL);

    /** What a plan shows its caller: a page of the items they may see, the items to check and the chapters. */
    public record Shown(Paging.Page<Item> page, List<Check> toCheck, List<String> chapters) {}

    private final PlanStore store;
    private final PlanService service;
    private final ItemHistory history;
    private final AuditLog audit;
    private final ItemUnits itemUnits;

    public PlanPreview(PlanStore store, PlanService service, ItemHistory history, AuditLog audit, ItemUnits itemUnits) {
        this.store = store;
        this.service = service;
        this.history = history;
        this.audit = audit;
        this.itemUnits = itemUnits;
    }

    /**
     * The plan as the user sees it. A preview (IMPORTED) is read whole, as the checks compare its items and the
     * office corrects them chapter by chapter; a launched plan has nothing left to check or move, and only the page
     * asked for is read, however large the plan.
     */
    public Shown shown(PlanRecord plan, UserAccount user, Paging paging) {
        if (plan.status() != PlanRecord.Status.IMPORTED) {
            return new Shown(itemUnits.visibleItems(plan.id(), user, paging), List.of(), List.of());
        }
        List<Item> visible = store.items(plan.id()).stream().filter(itemUnits.visibleTo(user)).toList();
        return new Shown(paging.slice(visible), toCheck(visible), chapters(plan, visible));
    }

    @Transactional
    public Item edit(long itemId, ItemEdit edit, String user) {
        Item item = draft(itemId);
        history.record(itemId, user, null, Action.EDITED, null, service.apply(item, edit, false));
        refreshWarnings(item.planId(), Map.of(), Set.of());
        Item after = store.item(itemId).orElseThrow();
        audit.record("ITEM_EDITED", "item:" + itemId, fields(item), fields(after));
        return after;
    }

    /** A new item after item {@code after}, or at the end of {@code chapter}: text required, units and deadline optional. */
    @Transactional
    public Item add(long planId, Long after, String chapter, ItemEdit edit, String user) {
        PlanRecord plan = imported(planId);
        if (edit.text() == null || edit.text().isBlank()) {
            throw ApiException.badRequest("请填写事项内容 (text)");
        }
        if ((after == null) == (chapter == null || chapter.isBlank())) {
            throw ApiException.badRequest("请指定位置: after (在该事项之后) 或 chapter (在该章末尾), 二者选一");
        }
        Rows rows = new Rows(store, planId);
        int at;
        List<String> parent;
        if (after != null) {
            int i = rows.indexOf(after);
            if (i < 0) {
                throw ApiException.badRequest("计划中没有该事项: " + after);
            }
            at = i + 1;
            parent = rows.get(i).childParent();
        } else {
            Place end = rows.endOf(plan, chapter.strip());
            at = end.index();
            parent = end.parent();
        }
        long id = store.insertItem(planId, store.nextSeq(planId), new ParsedItem("0", List.of("0"), edit.text().strip(),
                List.of(), List.of(), List.of(), Deadline.none(), List.of()));
        service.apply(store.item(id).orElseThrow(), edit, false);
        rows.add(at, new Row(id, parent));
        rows.renumber(List.of(parent));
        Item added = store.item(id).orElseThrow();
        history.record(id, user, null, Action.ADDED, null, "预览中添加");
        refreshWarnings(planId, rows.moved(), Set.of());
        audit.record("ITEM_ADDED", "item:" + id, null, fields(added));
        return store.item(id).orElseThrow();
    }

    @Transactional
    public void delete(long itemId, String user) {
        Item item = draft(itemId);
        Rows rows = new Rows(store, item.planId());
        if (rows.size() == 1) {
            throw ApiException.badRequest("计划至少须保留一个事项");
        }
        Row row = rows.remove(itemId);
        store.deleteItem(itemId);
        rows.renumber(List.of(row.parent));
        refreshWarnings(item.planId(), rows.moved(), Set.of(row.oldPath()));
        audit.record("ITEM_DELETED", "item:" + itemId, fields(item), null);
    }

    /** Splits an item in two: the second part becomes a new item right after it, with the same units and deadline. */
    @Transactional
    public List<Item> split(long itemId, Split split, String user) {
        Item item = draft(itemId);
        String text = item.text();
        if ((split.at() == null) == (split.second() == null || split.second().isBlank())) {
            throw ApiException.badRequest("请指定拆分位置: at (字符位置) 或 second (第二项开头的文字), 二者选一");
        }
        int k;
        if (split.at() != null) {
            k = split.at();
            if (k < 1 || k >= text.length()) {
                throw ApiException.badRequest("拆分位置 (at) 须在 1 与 " + (text.length() - 1) + " 之间");
            }
        } else {
            k = text.indexOf(split.second().strip(), 1);
            if (k < 0) {
                throw ApiException.badRequest("事项内容中 (开头之后) 没有这段文字: " + split.second().strip());
            }
        }
        String first = text.substring(0, k).strip();
        String rest = text.substring(k).strip();
        if (first.isEmpty() || rest.isEmpty()) {
            throw ApiException.badRequest("拆分后的两项都须有内容");
        }
        Rows rows = new Rows(store, item.planId());
        int i = rows.indexOf(itemId);
        store.setText(itemId, first);
        long second = store.insertItem(item.planId(), store.nextSeq(item.planId()), new ParsedItem("0", List.of("0"), rest,
                item.leadUnits(), item.responsibleUnits(), item.cooperatingUnits(), item.deadline(), item.requirements()));
        List<String> parent = rows.get(i).childParent();
        rows.add(i + 1, new Row(second, parent));
        rows.renumber(List.of(rows.get(i).parent, parent));
        refreshWarnings(item.planId(), rows.moved(), Set.of());
        Item a = store.item(itemId).orElseThrow();
        Item b = store.item(second).orElseThrow();
        history.record(itemId, user, null, Action.EDITED, null, "拆分: 后半部分成为事项 " + String.join("/", b.path()));
        history.record(second, user, null, Action.ADDED, null, "由事项 " + String.join("/", a.path()) + " 拆分而来");
        audit.record("ITEM_SPLIT", "item:" + itemId, fields(item), Map.of("first", fields(a), "second", fields(b)));
        return List.of(a, b);
    }

    /**
     * Merges an item into the previous or next one in document order: texts joined in that order, units unioned (a
     * unit keeps its highest role), the later due date and both requirements; the item itself is removed.
     */
    @Transactional
    public Item merge(long itemId, Merge merge, String user) {
        Item item = draft(itemId);
        if (merge.into() == null) {
            throw ApiException.badRequest("请指定并入上一项或下一项 (into: PREVIOUS 或 NEXT)");
        }
        Rows rows = new Rows(store, item.planId());
        int i = rows.indexOf(itemId);
        int n = merge.into() == Neighbour.PREVIOUS ? i - 1 : i + 1;
        if (n < 0 || n >= rows.size()) {
            throw ApiException.badRequest(merge.into() == Neighbour.PREVIOUS ? "没有上一项可并入" : "没有下一项可并入");
        }
        Item target = store.item(rows.get(n).id).orElseThrow();
        Item earlier = n < i ? target : item;
        Item later = n < i ? item : target;
        String text = earlier.text() + (earlier.text().matches("(?s).*[。；;！!？?]$") ? "" : "。") + later.text();
        List<String> lead = union(List.of(), earlier.leadUnits(), later.leadUnits());
        List<String> responsible = union(lead, earlier.responsibleUnits(), later.responsibleUnits());
        List<String> cooperating = union(Stream.concat(lead.stream(), responsible.stream()).toList(),
                earlier.cooperatingUnits(), later.cooperatingUnits());
        Deadline deadline = item.deadline().due() != null && (target.deadline().due() == null
                || item.deadline().due().isAfter(target.deadline().due())) ? item.deadline() : target.deadline();
        store.setText(target.id(), text);
        store.replaceUnits(target.id(), lead, responsible, cooperating);
        store.setDeadline(target.id(), deadline);
        store.setRequirements(target.id(), List.copyOf(new LinkedHashSet<>(
                Stream.concat(earlier.requirements().stream(), later.requirements().stream()).toList())));
        Row removed = rows.remove(itemId);
        store.deleteItem(itemId);
        rows.renumber(List.of(removed.parent, rows.get(rows.indexOf(target.id())).parent));
        refreshWarnings(item.planId(), rows.moved(), Set.of(removed.oldPath()));
        Item merged = store.item(target.id()).orElseThrow();
        history.record(target.id(), user, null, Action.EDITED, null, "并入事项 " + String.join("/", item.path()) + ": " + item.title());
        audit.record("ITEMS_MERGED", "item:" + target.id(), Map.of("merged", fields(item), "into", fields(target)), fields(merged));
        return merged;
    }

    /** Moves an item to the end of another chapter of the plan (一, 二… as its items' paths begin). */
    @Transactional
    public Item move(long itemId, Move move, String user) {
        Item item = draft(itemId);
        PlanRecord plan = store.plan(item.planId()).orElseThrow();
        String chapter = move.chapter() == null ? "" : move.chapter().strip();
        if (chapter.isEmpty()) {
            throw ApiException.badRequest("请指定目标章 (chapter)");
        }
        if (item.path().size() == 1) {
            throw ApiException.badRequest("该事项本身是一章 (" + item.number() + "), 不能移至他章");
        }
        if (item.path().get(0).equals(chapter)) {
            throw ApiException.badRequest("事项已在该章: " + chapter);
        }
        Rows rows = new Rows(store, item.planId());
        Row row = rows.remove(itemId);
        List<String> from = row.parent;
        Place end = rows.endOf(plan, chapter);
        row.parent = end.parent();
        rows.add(end.index(), row);
        rows.renumber(List.of(from, end.parent()));
        refreshWarnings(item.planId(), rows.moved(), Set.of());
        Item moved = store.item(itemId).orElseThrow();
        history.record(itemId, user, null, Action.EDITED, null, "移至第" + chapter + "章: " + String.join("/", moved.path()));
        audit.record("ITEM_MOVED", "item:" + itemId, Map.of("path", item.path()), Map.of("path", moved.path()));
        return moved;
    }

    /**
     * The items to check before launch: LOW, then MEDIUM, in the plan's order within each. The preview lists them
     * above its rows, which keep the document's order (the office compares them with the document as it edits).
     */
    public static List<Check> toCheck(List<Item> items) {
        List<Confidence> confidence = Confidence.of(items.stream().map(Item::asParsed).toList());
        List<Check> checks = new ArrayList<>();
        for (Confidence.Level level : List.of(Confidence.Level.LOW, Confidence.Level.MEDIUM)) {
            for (int k = 0; k < items.size(); k++) {
                Item i = items.get(k);
                if (confidence.get(k).level() == level) {
                    checks.add(new Check(i.id(), i.path(), i.title(), level, confidence.get(k).reasons()));
                }
            }
        }
        return checks;
    }

    /** The chapters an item can be moved to or added at the end of: the plan's headings, then its items' first levels. */
    public static List<String> chapters(PlanRecord plan, List<Item> items) {
        Set<String> chapters = new LinkedHashSet<>(plan.chapters().keySet());
        items.forEach(i -> chapters.add(i.path().get(0)));
        return List.copyOf(chapters);
    }

    private Item draft(long itemId) {
        Item item = store.item(itemId).orElseThrow(() -> ApiException.notFound("事项不存在: " + itemId));
        if (item.status() != Item.Status.DRAFT || !store.holdPreview(item.planId())) {
            throw ApiException.conflict("事项已启动: 请在交办确认 (ASSIGN) 任务中修改");
        }
        return item;
    }

    private PlanRecord imported(long planId) {
        PlanRecord plan = store.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        if (plan.status() != PlanRecord.Status.IMPORTED || !store.holdPreview(planId)) {
            throw ApiException.conflict("计划已启动, 不能再添加事项: " + planId);
        }
        return plan;
    }

    /**
     * The plan's warnings after a change: those about an item follow its new path or go with it, and the unknown-unit
     * warnings are worked out again from the items as they now are.
     */
    private void refreshWarnings(long planId, Map<String, String> moved, Set<String> gone) {
        List<String> warnings = new ArrayList<>();
        for (String w : store.plan(planId).orElseThrow().warnings()) {
            Matcher m = ITEM_WARNING.matcher(w);
            if (!m.matches()) {
                warnings.add(w);
            } else if (!gone.contains(m.group(1)) && !m.group(2).startsWith(PlanService.UNKNOWN_UNIT)) {
                warnings.add("事项 " + moved.getOrDefault(m.group(1), m.group(1)) + ": " + m.group(2));
            }
        }
        store.items(planId).forEach(i -> warnings.addAll(service.unitWarnings(i.path(), i.namedUnits())));
        store.setWarnings(planId, warnings);
    }

    /** What the preview can change of an item, for the audit log. */
    private static Map<String, Object> fields(Item item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", item.path());
        fields.put("text", item.text());
        fields.put("leadUnits", item.leadUnits());
        fields.put("responsibleUnits", item.responsibleUnits());
        fields.put("cooperatingUnits", item.cooperatingUnits());
        fields.put("deadline", item.deadline().kind().name());
        fields.put("due", item.deadline().due() == null ? null : item.deadline().due().toString());
        fields.put("frequency", item.deadline().frequency() == null ? null : item.deadline().frequency().name());
        return fields;
    }

    /** The names of {@code lists} in order, once each, leaving out those in {@code taken}. */
    @SafeVarargs
    private static List<String> union(List<String> taken, List<String>... lists) {
        Set<String> names = new LinkedHashSet<>();
        Stream.of(lists).forEach(names::addAll);
        names.removeAll(taken);
        return List.copyOf(names);
    }

    /** Where a new or moved item goes: its position in the plan and the heading path it comes under. */
    private record Place(int index, List<String> parent) {}

    /** An item's place: its parent heading path and number (an item that is itself a chapter has no parent). */
    private static final class Row {
        final long id;
        List<String> parent;
        String number;
        final String oldPath;
        final int oldSeq;

        Row(long id, List<String> parent) {
            this.id = id;
            this.parent = parent;
            this.oldPath = null;
            this.oldSeq = -1;
        }

        Row(Item item) {
            this.id = item.id();
            this.parent = item.path().size() == 1 ? List.of() : item.path().subList(0, item.path().size() - 1);
            this.number = item.path().get(item.path().size() - 1);
            this.oldPath = String.join("/", item.path());
            this.oldSeq = item.seq();
        }

        List<String> path() {
            return Stream.concat(parent.stream(), Stream.of(number)).toList();
        }

        /** The heading a new item next to this one comes under: its own, or the chapter it is. */
        List<String> childParent() {
            return parent.isEmpty() ? List.of(number) : parent;
        }

        String oldPath() {
            return oldPath;
        }
    }

    /** A plan's items in document order, renumbered after a change. */
    private static final class Rows {
        private final List<Row> rows = new ArrayList<>();
        private final boolean countedThrough;
        private final Map<List<String>, Boolean> bracketed = new HashMap<>();
        private final PlanStore store;

        Rows(PlanStore store, long planId) {
            this.store = store;
            store.items(planId).forEach(i -> rows.add(new Row(i)));
            List<Row> numbered = rows.stream().filter(r -> !r.parent.isEmpty()).toList();
            boolean through = numbered.stream().map(r -> r.parent).distinct().count() > 1;
            for (int i = 0; i < numbered.size() && through; i++) {
                through = numbered.get(i).number.equals(String.valueOf(i + 1));
            }
            countedThrough = through;
            numbered.forEach(r -> bracketed.merge(r.parent, BRACKETED.matcher(r.number).matches(), Boolean::logicalAnd));
        }

        int size() {
            return rows.size();
        }

        Row get(int i) {
            return rows.get(i);
        }

        void add(int i, Row row) {
            rows.add(i, row);
        }

        int indexOf(long id) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id == id) {
                    return i;
                }
            }
            return -1;
        }

        Row remove(long id) {
            return rows.remove(indexOf(id));
        }

        /** The end of a chapter: after its last item, or after the items of the chapters before it when it has none. */
        Place endOf(PlanRecord plan, String chapter) {
            List<String> order = new ArrayList<>(plan.chapters().keySet());
            rows.forEach(r -> {
                if (!order.contains(r.path().get(0))) {
                    order.add(r.path().get(0));
                }
            });
            if (!order.contains(chapter)) {
                throw ApiException.badRequest("计划中没有该章: " + chapter + " (可选: " + String.join("、", order) + ")");
            }
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (rows.get(i).path().get(0).equals(chapter)) {
                    return new Place(i + 1, rows.get(i).childParent());
                }
            }
            List<String> before = order.subList(0, order.indexOf(chapter));
            for (int i = rows.size() - 1; i >= 0; i--) {
                if (before.contains(rows.get(i).path().get(0))) {
                    return new Place(i + 1, List.of(chapter));
                }
            }
            return new Place(0, List.of(chapter));
        }

        /** Numbers the items under the headings given (every numbered item when the plan counts them through) and stores the places. */
        void renumber(java.util.Collection<List<String>> headings) {
            Map<List<String>, Integer> counts = new HashMap<>();
            for (Row r : rows) {
                if (r.parent.isEmpty()) {
                    continue;
                }
                List<String> key = countedThrough ? List.of() : r.parent;
                int n = counts.merge(key, 1, Integer::sum);
                if (countedThrough || headings.contains(r.parent)) {
                    r.number = bracketed.getOrDefault(r.parent, false) && !countedThrough
                            ? "(" + Numerals.chinese(n) + ")" : String.valueOf(n);
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.oldSeq != i || r.oldPath == null || !r.oldPath.equals(String.join("/", r.path()))) {
                    store.place(r.id, i, r.number, r.path());
                }
            }
        }

        /** The old path of each item whose path changed, to its new one. */
        Map<String, String> moved() {
            Map<String, String> moved = new HashMap<>();
            rows.stream().filter(r -> r.oldPath != null && !r.oldPath.equals(String.join("/", r.path())))
                    .forEach(r -> moved.put(r.oldPath, String.join("/", r.path())));
            return moved;
        }
    }
}
