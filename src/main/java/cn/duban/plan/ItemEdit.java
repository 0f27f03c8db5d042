package cn.duban.plan;

import java.time.LocalDate;
import java.util.List;

import cn.duban.plan.parse.Deadline;

/**
 * The office's correction of an item, in the import preview or (units and due date only) the ASSIGN step. Units are
 * unit codes, unit names or group names; a null field leaves that part as it is. {@code deadline} sets the kind of
 * deadline (DATE needs {@code due}; YEAR_END and ONGOING are due at the plan's year end; RECURRING needs
 * {@code frequency}; NONE clears it; the three kinds due at year end ignore {@code due}); {@code due} alone keeps the
 * kind (NONE becomes DATE).
 */
public record ItemEdit(String text, List<String> leadUnits, List<String> responsibleUnits, List<String> cooperatingUnits,
                       LocalDate due, Deadline.Kind deadline, Deadline.Frequency frequency) {

    /** Units and due date only: the ASSIGN step's confirmation. */
    public static ItemEdit units(List<String> leadUnits, List<String> responsibleUnits, List<String> cooperatingUnits,
                                 LocalDate due) {
        return new ItemEdit(null, leadUnits, responsibleUnits, cooperatingUnits, due, null, null);
    }
}
