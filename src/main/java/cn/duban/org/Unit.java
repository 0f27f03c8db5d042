package cn.duban.org;

/** A department, office or lower government (单位/科室); its code is also its Camunda candidate group. */
public record Unit(String code, String name) {}
