package cn.duban.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * The office's correction of an item's units or due date, in the import preview or the ASSIGN step. Units are
 * unit codes, unit names or group names the directory knows; a null field leaves that part as it is.
 */
public record ItemEdit(List<String> leadUnits, List<String> responsibleUnits, List<String> cooperatingUnits,
                       LocalDate due) {}
