package cn.duban.workflow;

/** 交办 → 办理 → 审核 → 办结报告, and 督办 (SUPERVISE) when an item is escalated; every user task names its step. */
public enum Step {
    ASSIGN, EXECUTE, REVIEW, SUPERVISE, REPORT
}
