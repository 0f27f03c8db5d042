package cn.duban.workflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.duban.org.UserAccount;
import cn.duban.system.Sql;

/**
 * Who may act on an open task, written once for the task list's query and the completion check: the office (ADMIN)
 * every task; reviewers (ADMIN, SUPERVISOR) the steps {@link Step.Holder#REVIEWERS} hold; a unit's users the
 * {@link Step.Holder#UNIT} steps of their own units and the {@link Step.Holder#PARENT_UNIT} steps of the sub-tasks
 * their units review ({@code reviewer}).
 */
final class TaskAccess {

    private TaskAccess() {}

    static boolean allows(Step step, String unit, String reviewer, UserAccount user) {
        return user.isAdmin() || switch (step.holder()) {
            case OFFICE -> false;
            case REVIEWERS -> user.canReview();
            case UNIT -> user.units().contains(unit);
            case PARENT_UNIT -> reviewer != null && user.units().contains(reviewer);
        };
    }

    /** The same rule as SQL over {@code open_task t}: a condition and its parameters. */
    record Condition(String sql, List<Object> params) {}

    static Condition where(UserAccount user) {
        if (user.isAdmin()) {
            return new Condition("1 = 1", List.of());
        }
        List<String> mine = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (user.canReview()) {
            mine.add("t.step in (" + steps(Step.Holder.REVIEWERS) + ")");
        }
        if (!user.units().isEmpty()) {
            mine.add("(t.step in (" + steps(Step.Holder.UNIT) + ") and t.unit_code in (" + marks(user) + "))");
            params.addAll(user.units());
            mine.add("(t.step in (" + steps(Step.Holder.PARENT_UNIT) + ") and t.reviewer_code in (" + marks(user) + "))");
            params.addAll(user.units());
        }
        return new Condition(mine.isEmpty() ? "1 = 0" : "(" + String.join(" or ", mine) + ")", params);
    }

    /**
     * The tasks a user sees in the task list: those {@link #where} lets the user act on and, for a unit's users, every
     * task of the sub-tasks their units review (the children's work, to follow, not to do).
     */
    static Condition seen(UserAccount user) {
        Condition mine = where(user);
        if (user.isAdmin() || user.units().isEmpty()) {
            return mine;
        }
        List<Object> params = new ArrayList<>(mine.params());
        params.addAll(user.units());
        return new Condition("(" + mine.sql() + " or t.reviewer_code in (" + marks(user) + "))", params);
    }

    /** One parameter mark per unit of the user. */
    static String marks(UserAccount user) {
        return Sql.marks(user.units().size());
    }

    /**
     * The open tasks among which {@link #seen} chooses for a unit's clerk (no role that sees beyond its units): those of
     * its units and those its units review, as a query of task ids on the two indexed columns — the list then reads
     * them by key, where H2 planned the OR of {@link #seen} as a read of every item. Empty for anyone else.
     */
    static Optional<Condition> candidates(UserAccount user) {
        if (user.isAdmin() || user.canReview() || user.units().isEmpty()) {
            return Optional.empty();
        }
        List<Object> params = new ArrayList<>(user.units());
        params.addAll(user.units());
        params.addAll(user.units());
        // each task once, without union's distinct, which sorted every id a clerk has (a seventh of the list's CPU on H2)
        return Optional.of(new Condition("select task_id from open_task where unit_code in (" + marks(user)
                + ") union all select task_id from open_task where reviewer_code in (" + marks(user)
                + ") and (unit_code is null or unit_code not in (" + marks(user) + "))", params));
    }

    /** The steps a holder holds, as SQL string literals. */
    static String steps(Step.Holder holder) {
        return Arrays.stream(Step.values()).filter(s -> s.holder() == holder).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
