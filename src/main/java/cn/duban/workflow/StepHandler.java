package cn.duban.workflow;

import cn.duban.org.UserAccount;
import cn.duban.workflow.OpenTasks.OpenTask;

/**
 * Completing an open task of one step: what the body must hold, what is recorded, and the engine's task completed
 * with the variables its process decides by. One handler a step, named for it; {@link SupervisionTasks} finds it.
 */
interface StepHandler {

    Step step();

    /** Completes the task for the user, who may act on it; a body the step cannot take is refused (400/409). */
    void complete(OpenTask task, TaskCompletion body, UserAccount user);
}
