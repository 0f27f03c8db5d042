package cn.duban.plan.parse;

/** A document the parser cannot read as a plan; the message says why, in one line. */
public class PlanParseException extends RuntimeException {

    public PlanParseException(String message) {
        super(message);
    }
}
