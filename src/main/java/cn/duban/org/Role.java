package cn.duban.org;

/**
 * ADMIN: 政务公开办, imports plans, sees everything and tunes the decision tables' values. SUPERVISOR: 分管领导/审核人,
 * reviews. UNIT: 经办人 of units. OPERATOR: 系统运维, runs code on the server: .drl rule files, decision tables'
 * structure, reloading the rules, Camunda's REST API and web apps — nothing else (a person who needs both has both roles).
 */
public enum Role {
    ADMIN, SUPERVISOR, UNIT, OPERATOR
}
