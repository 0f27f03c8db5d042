package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import cn.duban.Api;
import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.workflow.OpenTasks.TaskView;

/** The task list's query and the completion check are one policy: a user lists exactly the tasks they may act on. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TaskAccessTest {

    private static final int YEAR = LocalDate.now().getYear() + 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    OpenTasks openTasks;

    @Autowired
    SupervisionTasks tasks;

    @Autowired
    OrgDirectory directory;

    @Test
    void everyUserListsExactlyTheTasksTheyMayActOn() {
        Api api = new Api(mvc);
        long plan = api.launchPlan("权限市" + YEAR + "年政务公开工作要点\n一、公开\n1.公开权限测试事项。(责任单位:市甲局、市乙局)9月底前\n"
                + "2.公开待交办事项。\n3.公开分解权限事项。(责任单位:市甲局)9月底前\n");
        List<String> jiaTasks = api.tasks("jia", plan).stream().map(t -> t.get("id").asText()).toList();
        assertThat(api.complete("jia", jiaTasks.get(0), "{\"summary\":\"已公开\",\"percent\":100}").status()).isEqualTo(200);
        // 分解: two parts, one handed in (a SUB_REVIEW for jia), one at work
        assertThat(api.post("jia", "/api/tasks/" + jiaTasks.get(1) + "/split", "{\"parts\":[{\"unit\":\"jia-ke1\",\"due\":\""
                + YEAR + "-09-01\"},{\"unit\":\"jia-ke2\",\"due\":\"" + YEAR + "-09-01\"}]}").status()).isEqualTo(200);
        assertThat(api.complete("jia-ke1", api.task("jia-ke1", plan, "EXECUTE", "jia-ke1"), "{\"summary\":\"已完成\",\"percent\":100}")
                .status()).isEqualTo(200);
        List<TaskView> all = openTasks.forUser(directory.user("admin").orElseThrow(), plan, null, null);
        assertThat(all.stream().map(TaskView::step).collect(Collectors.toSet()))
                .as("the plan holds work of a unit, a review, an assignment and a parent's review")
                .contains(Step.EXECUTE, Step.REVIEW, Step.ASSIGN, Step.SUB_REVIEW);
        for (String username : List.of("admin", "leader", "jia", "yi", "bing", "jia-ke1", "jia-ke2")) {
            UserAccount user = directory.user(username).orElseThrow();
            Set<String> listed = tasks.list(user, plan, null, null).stream().map(TaskView::id).collect(Collectors.toSet());
            Set<String> allowed = all.stream().filter(t -> tasks.canAct(t, user)).map(TaskView::id).collect(Collectors.toSet());
            // a parent unit's users also follow its children's work, read-only
            Set<String> followed = all.stream().filter(t -> !tasks.canAct(t, user) && !user.isAdmin()
                    && t.reviewer() != null && user.units().contains(t.reviewer())).map(TaskView::id).collect(Collectors.toSet());
            Set<String> seen = new java.util.HashSet<>(allowed);
            seen.addAll(followed);
            assertThat(listed).as(username).isEqualTo(seen);
        }
        UserAccount jiaUser = directory.user("jia").orElseThrow();
        assertThat(tasks.list(jiaUser, plan, null, null)).filteredOn(t -> !tasks.canAct(t, jiaUser)).extracting(TaskView::unit)
                .as("jia follows its child at work").containsExactly("jia-ke2");
        assertThat(tasks.list(directory.user("jia-ke2").orElseThrow(), plan, null, null)).extracting(TaskView::unit)
                .as("never the sibling's part").containsOnly("jia-ke2");
        assertThat(tasks.list(directory.user("bing").orElseThrow(), plan, null, null)).as("no part in the plan").isEmpty();
        assertThat(tasks.list(directory.user("yi").orElseThrow(), plan, null, null)).extracting(TaskView::unit).containsOnly("yi");
    }
}
