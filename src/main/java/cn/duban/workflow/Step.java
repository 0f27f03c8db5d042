package cn.duban.workflow;

/** 交办 → 办理 → 审核 → 办结报告: the supervision steps; every user task in processes/ names its step. */
public enum Step {
    ASSIGN, EXECUTE, REVIEW, REPORT
}
