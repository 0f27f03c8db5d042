package cn.duban.plan.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * When an item must be done (完成时限), relative to the plan year. {@code raw} is the phrase as printed;
 * {@code milestones} are the other dates inside the plan year that the item's deadline cell and text name, earliest
 * first.
 */
public record Deadline(Kind kind, LocalDate due, Frequency frequency, String raw, List<LocalDate> milestones) {

    /** DATE: a date; YEAR_END: 年底前/年内/全年; ONGOING: 常态化开展, due at year end; RECURRING: a report every period. */
    public enum Kind { DATE, YEAR_END, ONGOING, RECURRING, NONE }

    /** How often a RECURRING item reports; ASAP is 及时更新 (kept up to date as things happen). */
    /** How often a recurring item reports; {@code phrase} is how a plan says so. */
    public enum Frequency {
        MONTHLY("每月"), QUARTERLY("每季度"), HALF_YEARLY("每半年"), YEARLY("每年"), ASAP("及时更新");

        private final String phrase;

        Frequency(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    public static Deadline none() {
        return new Deadline(Kind.NONE, null, null, null, List.of());
    }

    public Deadline withMilestones(List<LocalDate> dates) {
        return new Deadline(kind, due, frequency, raw, List.copyOf(dates));
    }
}
