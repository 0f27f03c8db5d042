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

        boolean isEmpty() {
            return lead.isEmpty() && responsible.isEmpty() && cooperating.isEmpty();
        }
    }

    enum Role { LEAD, RESPONSIBLE, COOPERATING }

    /** A parenthetical that names units: (牵头单位:…), (…牵头,…负责), (责任科室:…). */
    static final Pattern PARENTHETICAL = Pattern.compile(
            "\\(([^()]{0,400}?(?:牵头|责任单位|责任科室|责任部门|配合|负责|分工)[^()]{0,400}?)\\)");

    private static final Pattern LABEL = Pattern.compile(
            "^(牵头单位|牵头部门|牵头科室|责任单位|责任科室|责任部门|负责单位|负责科室|配合单位|配合部门|配合科室|协办单位)\\s*:\\s*(.*)$");
    private static final Pattern LABEL_SPLIT = Pattern.compile(
            ";|[,](?=\\s*(?:牵头|责任|负责|配合|协办)(?:单位|部门|科室)\\s*:)");
    private static final Pattern LEAD_VERB = Pattern.compile("^(.*?)(?:分别牵头落实|牵头落实|牵头负责|分别牵头|牵头)$");
    private static final Pattern COOPERATE_VERB = Pattern.compile("^(.*?)(?:配合落实|配合|协助|协办)$");
    private static final Pattern RESPONSIBLE_VERB = Pattern.compile(
            "^(.*?)(?:按职责分工分别负责落实|按职责分工负责落实|按职责分工分别负责|按职责分工负责|按职责分别负责|按职责负责"
                    + "|分别负责落实|负责落实|具体负责|分别负责|负责|落实)$");
    private static final Pattern TRAILING_ETC = Pattern.compile("(?:等部门|等单位|等科室|等)$");
    /** How unit names end; a fragment that does not end so is joined to the next one (各乡、街道办事处). */
    static final Pattern UNIT_END = Pattern.compile(
            "(部门|单位|局|委|办|院|政府|中心|室|科|处|厅|署|会|所|站|队|组|馆|区|县|市|乡|镇|街道|办事处|机构|公司|集团|党委|”)$");

    /** 各乡, 各镇, 各县区: a class of places that pairs with the next name (各乡、街道办事处). */
    private static final Pattern PLACE_CLASS = Pattern.compile("^各[乡镇县区市]{1,2}$");

    private UnitPhrases() {}

    /** The units a phrase names; names with no role word take {@code otherwise}. */
    static Units parse(String phrase, Role otherwise) {
        List<String> lead = new ArrayList<>();
        List<String> responsible = new ArrayList<>();
        List<String> cooperating = new ArrayList<>();
        for (String part : LABEL_SPLIT.split(phrase)) {
            Matcher label = LABEL.matcher(part.strip());
            if (label.matches()) {
                String kind = label.group(1);
                List<String> target = kind.startsWith("牵头") ? lead
                        : kind.startsWith("配合") || kind.startsWith("协办") ? cooperating : responsible;
                target.addAll(names(label.group(2)));
                continue;
            }
            for (String clause : topLevel(part, ",;")) {
                String c = clause.strip();
                Matcher m;
                if ((m = LEAD_VERB.matcher(c)).matches()) {
                    lead.addAll(names(m.group(1)));
                } else if ((m = COOPERATE_VERB.matcher(c)).matches()) {
                    cooperating.addAll(names(m.group(1)));
                } else if ((m = RESPONSIBLE_VERB.matcher(c)).matches()) {
                    // in a lead-unit column, "负责" does not make the unit a responsible one
                    (otherwise == Role.LEAD ? lead : responsible).addAll(names(m.group(1)));
                } else {
                    (otherwise == Role.LEAD ? lead : otherwise == Role.COOPERATING ? cooperating : responsible)
                            .addAll(names(c));
                }
            }
        }
        return new Units(distinct(lead), distinct(responsible), distinct(cooperating));
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
            if (UNIT_END.matcher(f).find() && !partOfGroup || i == fragments.size() - 1) {
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
                    && UNIT_END.matcher(fragment.substring(start, i)).find()
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
