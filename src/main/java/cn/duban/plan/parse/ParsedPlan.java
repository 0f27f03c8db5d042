package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A plan document as the parser reads it, before it is stored; {@code chapters} maps 一, 二… to their headings. */
public record ParsedPlan(String title, String organ, String docNumber, int year, LocalDate issuedOn,
                         List<ParsedItem> items, List<String> warnings, Map<String, String> chapters) {

    /** One supervised task of the plan, with the units it names as printed and its deadline. */
    public record ParsedItem(String number, List<String> path, String text, List<String> leadUnits,
                             List<String> responsibleUnits, List<String> cooperatingUnits, Deadline deadline,
                             List<Requirement> requirements) {

        /** Every unit name the item prints, lead first. */
        public List<String> namedUnits() {
            return java.util.stream.Stream.of(leadUnits, responsibleUnits, cooperatingUnits).flatMap(List::stream).toList();
        }

        /**
         * The units that execute the item and report on it, the names turned into units by {@code resolve} (the
         * directory expands a group into its units): every responsible unit and every lead unit but the first, or
         * the first lead unit when nobody else works on it.
         */
        public List<String> executingUnits(java.util.function.Function<List<String>, List<String>> resolve) {
            List<String> leads = resolve.apply(leadUnits);
            java.util.Set<String> units = new java.util.LinkedHashSet<>(resolve.apply(responsibleUnits));
            if (leads.size() > 1) {
                units.addAll(leads.subList(1, leads.size()));
            }
            if (units.isEmpty() && !leads.isEmpty()) {
                units.add(leads.get(0));
            }
            return List.copyOf(units);
        }

        /** The lead unit that consolidates the others' results once they are done, or null when nobody needs to. */
        public String consolidatingUnit(java.util.function.Function<List<String>, List<String>> resolve) {
            List<String> leads = resolve.apply(leadUnits);
            return leads.isEmpty() || executingUnits(resolve).equals(List.of(leads.get(0))) ? null : leads.get(0);
        }
    }
}
