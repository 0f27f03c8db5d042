package cn.duban.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the units an item names, in the forms plans print them: labelled lists (牵头单位:A;责任单位:B、C),
 * verb phrases (A牵头,B按职责分工负责 / A、B牵头落实 / A牵头,B配合) and bare lists (a table's unit column).
 */
final class UnitPhrases {

    /** The units of one item by role, names as printed. */
    record Units(List<String> lead, List<String> responsible, List<String> cooperating) {

        static final Units NONE = new Units(List.of(), List.of(), List.of());

        java.util.stream.Stream<String> namedUnits() {
            return java.util.stream.Stream.of(lead, responsible, cooperating).flatMap(List::stream);
        }

        boolean isEmpty() {
            return lead.isEmpty() && responsible.isEmpty() && cooperating.isEmpty();
        }

        /** Only the names that {@code keep} accepts, in each role. */
        Units only(java.util.function.Predicate<String> keep) {
            return new Units(lead.stream().filter(keep).toList(), responsible.stream().filter(keep).toList(),
                    cooperating.stream().filter(keep).toList());
        }

        /** As a note "列第一位者为牵头单位" reads them: with no lead named, the first responsible unit leads. */
        Units firstLeading() {
            if (!lead.isEmpty() || responsible.isEmpty()) {
                return this;
            }
            return new Units(List.of(responsible.get(0)), responsible.subList(1, responsible.size()), cooperating);
        }
    }

    enum Role { LEAD, RESPONSIBLE, COOPERATING }

    /** A parenthetical that names units: (牵头单位:…), (…牵头,…负责), (责任科室:…); brackets inside it one deep. */
    static final Pattern PARENTHETICAL = Pattern.compile(
            "\\(((?:[^()]|\\([^()]{0,60}\\)){0,400}?(?:牵头|责任单位|责任科室|责任部门|配合|负责|分工|主办|协办)"
                    + "(?:[^()]|\\([^()]{0,60}\\)){0,400}?)\\)");
    /** How a unit label is worded (牵头单位, 责任部门, 配合科室, 主办…), before its colon. */
    private static final String LABEL_WORD = "(?:(?:牵头|责任|负责|配合|协办|主办)(?:单位|部门|科室)|主办|协办)";
    /** Units labelled at the end of an item's text, after its last full stop: 。责任单位:A、B. */
    static final Pattern LABELLED_TAIL = Pattern.compile(
            "(?:^|(?<=[。;]))\\s*(" + LABEL_WORD + "\\s*:[^。]*)。?$");
    /** A note that the first unit of the list leads: 列第一位者为牵头单位, 排名第一的为牵头单位, 第一个为牵头. */
    private static final Pattern FIRST_LEADS = Pattern.compile(
            "^(?:[列排](?:在|名|序)?)?第一(?:位|个|家|名)?(?:者|的|单位)?(?:为|是)牵头(?:单位|部门)?$");
    /** A note that what it says holds for the lists below too. */
    private static final Pattern BELOW_TOO = Pattern.compile("^(?:以)?下同$");
    private static final Pattern BRACKET = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("(?:\\([^()]*\\))+$");
    /** 会 that begins a word (会计, 会议…) rather than joining two units (宣传处会办公室). */
    private static final Pattern HUI_WORD = Pattern.compile("^[计议展员务商签审诊谈晤见]");

    private static final Pattern LABEL = Pattern.compile("^(" + LABEL_WORD + ")\\s*:\\s*(.*)$");
    /** Where one label's list ends: at ; , or, when the spaces between them were lost, right before the next label. */
    private static final Pattern LABEL_SPLIT = Pattern.compile(
            ";|[,](?=\\s*" + LABEL_WORD + "\\s*:)|(?<=[^,;:\\s])(?=" + LABEL_WORD + "\\s*:)");
    /** A whole line in brackets. */
    private static final Pattern WRAPPED = Pattern.compile("^\\((.*)\\)$");
    private static final Pattern LEAD_VERB = Pattern.compile("^(.*?)(?:分别牵头落实|牵头落实|牵头负责|分别牵头|牵头|主办)$");
    private static final Pattern COOPERATE_VERB = Pattern.compile("^(.*?)(?:配合落实|配合|协助|协办)$");
    private static final Pattern RESPONSIBLE_VERB = Pattern.compile(
            "^(.*?)(?:按职责分工分别负责落实|按职责分工负责落实|按职责分工分别负责|按职责分工负责|按职责分工分别落实|按职责分工落实"
                    + "|按职责分工|按职责分别负责|按职责负责|分别负责落实|负责落实|具体负责|分别负责|负责|落实)$");
    private static final Pattern TRAILING_ETC = Pattern.compile("(?:等部门|等单位|等科室|等)$");
    /** How unit names end; a fragment that does not end so is joined to the next one (各乡、街道办事处). */
    private static final Pattern UNIT_END = Pattern.compile(
            "(部|部门|单位|局|委|办|院|政府|中心|室|科|股|处|厅|署|会|所|站|队|组|馆|校|社|台|团|联|协|企业|村|[银支分总农工建交]行"
                    + "|区|县|市|乡|镇|街道|办事处|机构|公司|集团|党委|”)$");
    /** The longest suffix UNIT_END names (办事处). */
    private static final int UNIT_END_LONGEST = 3;

    /** 各乡, 各镇, 各县区: a class of places that pairs with the next name (各乡、街道办事处). */
    private static final Pattern PLACE_CLASS = Pattern.compile("^各[乡镇县区市]{1,2}$");

    private UnitPhrases() {}

    /**
     * The units a phrase names; names with no role word take {@code otherwise}. Role words end a group of names inside
     * a list too (A主办、B协办); A会同B and A会B make A the lead and B a cooperating unit. Bracket notes and note
     * clauses (下同, 按职责分工负责, 列第一位者为牵头单位) name no unit; a note that the first unit leads is applied.
     */
    static Units parse(String phrase, Role otherwise) {
        boolean[] firstLeads = {false};
        String units = withoutNotes(phrase, firstLeads);
        List<String> lead = new ArrayList<>();
        List<String> responsible = new ArrayList<>();
        List<String> cooperating = new ArrayList<>();
        for (String part : LABEL_SPLIT.split(units)) {
            Matcher label = LABEL.matcher(part.strip());
            Role role = otherwise;
            if (label.matches()) {
                String kind = label.group(1);
                role = kind.startsWith("牵头") || kind.startsWith("主办") ? Role.LEAD
                        : kind.startsWith("配合") || kind.startsWith("协办") ? Role.COOPERATING : Role.RESPONSIBLE;
                part = label.group(2);
            }
            for (String clause : topLevel(part, ",;")) {
                List<String> fragments = topLevel(clause, "、");
                StringBuilder group = new StringBuilder();
                for (int i = 0; i < fragments.size(); i++) {
                    group.append(group.length() > 0 ? "、" : "").append(fragments.get(i).strip());
                    if (i == fragments.size() - 1 || roleWord(fragments.get(i).strip())) {
                        clause(group.toString(), role, lead, responsible, cooperating);
                        group.setLength(0);
                    }
                }
            }
        }
        Units parsed = new Units(distinct(lead), distinct(responsible), distinct(cooperating));
        return firstLeads[0] ? parsed.firstLeading() : parsed;
    }

    /** A line that names only units (and maybe the deadline): {@code units} to {@link #parse}, {@code deadline} or null. */
    record Line(String units, String deadline) {}

    /**
     * The units of a line that is nothing but a unit line: labelled (责任单位:A, 牵头单位:A 责任单位:B, (责任单位:A)
     * on its own) or unit names with their role words (A牵头落实。, A、B分别牵头落实, A牵头,B配合); a deadline note
     * (完成时限:…) or clause (…前完成) may go with them. Null for any other line.
     */
    static Line line(String text) {
        String s = text.strip().replaceAll("[。;,]+$", "");
        Matcher wrapped = WRAPPED.matcher(s);
        if (wrapped.matches()) {
            s = wrapped.group(1).strip();
        }
        if (s.isEmpty() || s.length() > 300 || s.contains("。")) {
            return null;
        }
        s = LABEL_SPLIT.matcher(s).replaceAll(";"); // one separator before each label
        Matcher note = Deadlines.NOTE.matcher(s);
        String deadline = note.find() ? note.group(1).strip() : null;
        s = note.replaceAll("");
        List<String> clauses = new ArrayList<>();
        for (String clause : topLevel(s, ",;")) {
            String c = clause.strip();
            if (deadline == null && !c.isEmpty() && Deadlines.isDeadline(c)
                    && !endsAsUnit(c)) {
                deadline = c;
            } else if (!c.isEmpty()) {
                clauses.add(c);
            }
        }
        String units = String.join(";", clauses);
        Units parsed = parse(units, Role.RESPONSIBLE);
        boolean labelled = LABEL.matcher(units).find();
        boolean worded = clauses.stream().allMatch(c -> topLevel(c, "、").stream().anyMatch(f -> roleWord(f.strip()))
                || FIRST_LEADS.matcher(c).matches() || BELOW_TOO.matcher(c).matches());
        List<String> names = java.util.stream.Stream.of(parsed.lead(), parsed.responsible(), parsed.cooperating())
                .flatMap(List::stream).toList();
        if (parsed.isEmpty() || !labelled && !(worded && names.stream().allMatch(UnitPhrases::endsAsUnit))) {
            return null;
        }
        return new Line(units, deadline);
    }

    /** One group of names with its role word, if any, at its end. */
    private static void clause(String c, Role otherwise, List<String> lead, List<String> responsible,
                               List<String> cooperating) {
        Matcher m;
        if ((m = LEAD_VERB.matcher(c)).matches()) {
            assign(m.group(1), lead, lead, cooperating);
        } else if ((m = COOPERATE_VERB.matcher(c)).matches()) {
            assign(m.group(1), cooperating, lead, cooperating);
        } else if ((m = RESPONSIBLE_VERB.matcher(c)).matches()) {
            // in a lead-unit column, "负责" does not make the unit a responsible one
            assign(m.group(1), otherwise == Role.LEAD ? lead : responsible, lead, cooperating);
        } else {
            assign(c, otherwise == Role.LEAD ? lead : otherwise == Role.COOPERATING ? cooperating : responsible,
                    lead, cooperating);
        }
    }

    private static boolean roleWord(String fragment) {
        for (Pattern verb : List.of(LEAD_VERB, COOPERATE_VERB, RESPONSIBLE_VERB)) {
            Matcher m = verb.matcher(fragment);
            if (m.matches() && !m.group(1).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The names of {@code list} into {@code target}, or, for A会同B / A会B, A into the leads and B into the cooperating. */
    private static void assign(String list, List<String> target, List<String> lead, List<String> cooperating) {
        int depth = 0;
        for (int i = 1; i < list.length() - 1; i++) {
            char c = list.charAt(i);
            depth += opens(c) ? 1 : closes(c) && depth > 0 ? -1 : 0;
            if (depth > 0 || c != '会') {
                continue;
            }
            boolean together = list.startsWith("会同", i);
            String left = list.substring(0, i);
            String right = list.substring(i + (together ? 2 : 1));
            // 管委会, 党委会, 社会…, 会计, 会议…: the 会 belongs to a word
            boolean word = !together && (left.endsWith("委") || left.endsWith("社") || HUI_WORD.matcher(right).find());
            List<String> others = names(right);
            if (!word && endsAsUnit(left) && !others.isEmpty() && others.stream().allMatch(UnitPhrases::endsAsUnit)) {
                lead.addAll(names(left));
                cooperating.addAll(others);
                return;
            }
        }
        target.addAll(names(list));
    }

    private static final Pattern YEAR_OR_COUNT = Pattern.compile("\\d{4}年|\\d件");

    /** A unit name is short and names no year or count (2024年…10件… is a reference, not a unit). */
    static boolean likelyName(String name) {
        return name.length() <= 25 && !YEAR_OR_COUNT.matcher(name).find();
    }

    /**
     * Whether a name reads as a unit's: short, naming no year or count, and ending as unit names do, or a group
     * (区直各部门, 市属各国有企业, 各镇街(园区), 区司法局等). A policy phrase in a unit column (谁承办谁更新) is none.
     */
    static boolean isUnitName(String name) {
        return likelyName(name) && (endsAsUnit(name) || name.contains("各") || name.endsWith("等"));
    }

    /** Whether a name ends as unit names do, brackets after it aside: 市财政局(市国资委). */
    static boolean endsAsUnit(String name) {
        String n = name.strip();
        return unitEnding(n.endsWith(")") ? TRAILING_BRACKETS.matcher(n).replaceAll("") : n);
    }

    /** Whether a name ends with a unit's suffix (局, 中心, 办事处…): tried on its last characters only. */
    static boolean unitEnding(String name) {
        return UNIT_END.matcher(name).region(Math.max(0, name.length() - UNIT_END_LONGEST), name.length()).find();
    }

    /**
     * Whether a bracket's text is a note about the list rather than units: each of its clauses is an instruction
     * (列第一位者为牵头单位, 下同) or names nothing that ends as a unit does (按职责分工负责).
     */
    static boolean isNote(String text) {
        for (String clause : topLevel(text, ",;、")) {
            String c = clause.strip();
            if (c.isEmpty() || FIRST_LEADS.matcher(c).matches() || BELOW_TOO.matcher(c).matches()) {
                continue;
            }
            if (LABEL.matcher(c).matches() || roleWord(c) || endsAsUnit(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a note says that the first unit of the list leads. */
    static boolean firstLeads(String note) {
        return topLevel(note, ",;、").stream().anyMatch(c -> FIRST_LEADS.matcher(c.strip()).matches());
    }

    /** Whether {@code text} holds a note that the first unit leads in its list and in the lists below (…,下同). */
    static boolean firstLeadsBelow(String text) {
        Matcher b = BRACKET.matcher(text);
        while (b.find()) {
            String note = b.group(1);
            if (firstLeads(note) && topLevel(note, ",;、").stream().anyMatch(c -> BELOW_TOO.matcher(c.strip()).matches())) {
                return true;
            }
        }
        return false;
    }

    /** {@code phrase} without its bracket notes and note clauses; {@code firstLeads[0]} set when one says the first leads. */
    private static String withoutNotes(String phrase, boolean[] firstLeads) {
        StringBuilder kept = new StringBuilder();
        Matcher b = BRACKET.matcher(phrase);
        int from = 0;
        while (b.find()) {
            if (isNote(b.group(1))) {
                firstLeads[0] |= firstLeads(b.group(1));
                kept.append(phrase, from, b.start());
                from = b.end();
            }
        }
        kept.append(phrase.substring(from));
        StringBuilder units = new StringBuilder();
        int at = 0;
        for (String clause : topLevel(kept.toString(), ",;")) {
            at += clause.length() + 1; // past the clause and the separator after it
            String c = clause.strip();
            if (FIRST_LEADS.matcher(c).matches() || BELOW_TOO.matcher(c).matches()) {
                firstLeads[0] |= FIRST_LEADS.matcher(c).matches();
                continue;
            }
            units.append(clause).append(at <= kept.length() ? kept.substring(at - 1, at) : "");
        }
        return units.toString().replaceAll("[,;]\\s*$", "");
    }

    /**
     * Unit names of a list: split on 、 , ; and on 和 between two whole names; brackets 〔〕() and quotes stay inside
     * a name; a fragment that cannot end a unit name (各乡) is joined to the next one (各乡、街道办事处).
     */
    static List<String> names(String list) {
        List<String> fragments = new ArrayList<>();
        for (String f : topLevel(list, "、,;")) {
            fragments.addAll(splitOnAnd(f.strip()));
        }
        List<String> names = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < fragments.size(); i++) {
            String f = TRAILING_ETC.matcher(fragments.get(i).strip()).replaceAll("").strip();
            if (f.isEmpty()) {
                continue;
            }
            if (pending.length() > 0) {
                pending.append('、');
            }
            pending.append(f);
            boolean partOfGroup = PLACE_CLASS.matcher(f).matches(); // 各乡、街道办事处
            if (endsAsUnit(f) && !partOfGroup || i == fragments.size() - 1) {
                names.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            names.add(pending.toString());
        }
        return names;
    }

    private static List<String> splitOnAnd(String fragment) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            depth += opens(c) ? 1 : closes(c) && depth > 0 ? -1 : 0;
            if (depth == 0 && c == '和' && i > start
                    && unitEnding(fragment.substring(start, i))
                    && fragment.length() - i > 2) {
                parts.add(fragment.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(fragment.substring(start));
        return parts;
    }

    /** Splits on any of {@code separators} outside brackets and quotes. */
    static List<String> topLevel(String s, String separators) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (opens(c)) {
                depth++;
            } else if (closes(c) && depth > 0) {
                depth--;
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static boolean opens(char c) {
        return c == '〔' || c == '(' || c == '[' || c == '【' || c == '“' || c == '《';
    }

    private static boolean closes(char c) {
        return c == '〕' || c == ')' || c == ']' || c == '】' || c == '”' || c == '》';
    }

    private static List<String> distinct(List<String> names) {
        return names.stream().filter(n -> !n.isBlank()).distinct().toList();
    }
}
