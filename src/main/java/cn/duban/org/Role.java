package cn.duban.org;

/** ADMIN: 政务公开办, imports plans and sees everything. SUPERVISOR: 分管领导/审核人, reviews. UNIT: 经办人 of units. */
public enum Role {
    ADMIN, SUPERVISOR, UNIT
}
