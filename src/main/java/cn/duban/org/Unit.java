package cn.duban.org;

/**
 * A department, office or lower government (单位/科室); its code is also its Camunda candidate group. {@code parent}:
 * the unit it belongs to (a bureau's 科室: the bureau's code), null for a unit of the top level.
 */
public record Unit(String code, String name, String parent) {}
