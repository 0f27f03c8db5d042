package cn.duban.plan;

import java.time.LocalDate;

/**
 * When an item must be done (完成时限): a date, an ongoing duty (常态化开展, checked every period, due at year end)
 * or a recurring report (每月/每季度) with its frequency. {@code text} is the phrase as printed.
 */
public record Deadline(Kind kind, LocalDate due, String frequency, String text) {

    public enum Kind { DATE, ONGOING, RECURRING }
}
