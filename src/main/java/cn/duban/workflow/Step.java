package cn.duban.workflow;

/**
 * 交办 → 办理 → 审核 → 办结报告, 督办 (SUPERVISE) when an item is escalated, and the look-back's 整改说明 (RECTIFY) and
 * 核实 (VERIFY); every user task names its step.
 */
public enum Step {
    ASSIGN, EXECUTE, REVIEW, SUPERVISE, RECTIFY, VERIFY, REPORT
}
