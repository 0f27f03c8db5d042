package cn.duban.rules;

/** Action: the item's 三色督办 colour: BLUE due soon, YELLOW lagging, RED overdue (the highest of the day wins). */
public record Colour(long itemId, String itemNumber, Shade shade) {

    public enum Shade { BLUE, YELLOW, RED }

    public Colour(Work work, String shade) {
        this(work.getItemId(), work.getItemNumber(), Shade.valueOf(shade));
    }
}
