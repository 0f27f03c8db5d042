package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duban.org.Names;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditDiff.Change;
import cn.duban.security.AuditDiff.Subject;

class AuditDiffTest {

    AuditDiff diff;

    @BeforeEach
    void words() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Names names = mock(Names.class);
        when(names.unit(anyString())).thenAnswer(a -> a.getArgument(0).equals("jia") ? "市甲局" : a.getArgument(0));
        when(names.user("jia")).thenReturn("甲局经办人");
        PlanStore plans = mock(PlanStore.class);
        when(plans.item(anyLong())).thenReturn(Optional.empty());
        diff = new AuditDiff(new ObjectMapper(), messages, names, plans);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static AuditLog.Entry entry(String action, String subject, String before, String after) {
        return new AuditLog.Entry(1, Instant.now(), "admin", action, subject, before, after);
    }

    @Test
    void aChangedUserReadsFieldByFieldWithCodesInWordsAndOnlyWhatChanged() {
        List<Change> changes = diff.changes(entry("USER_CHANGED", "user:jia",
                "{\"username\":\"jia\",\"name\":\"甲\",\"roles\":[\"UNIT\"],\"units\":[\"jia\"]}",
                "{\"username\":\"jia\",\"name\":\"甲局经办人\",\"roles\":[\"UNIT\",\"SUPERVISOR\"],\"units\":[\"jia\"]}"));
        assertThat(changes).containsExactly(new Change("姓名", "甲", "甲局经办人"),
                new Change("角色", "单位经办人", "单位经办人、分管领导 (审核)"));
    }

    @Test
    void aLaunchShowsTheStatusInWordsAndWhatItAdded() {
        assertThat(diff.changes(entry("PLAN_LAUNCHED", "plan:3", "{\"status\":\"IMPORTED\"}",
                "{\"status\":\"LAUNCHED\",\"started\":2,\"lookBackCases\":0}"))).containsExactly(
                new Change("状态", "待启动", "督办中"), new Change("启动事项数", "", "2"), new Change("回头看核查数", "", "0"));
    }

    @Test
    void nestedValuesAndATasksUnitAndStepReadInWords() {
        assertThat(diff.changes(entry("TASK_COMPLETED", "item:5", "{\"task\":\"t1\",\"step\":\"REVIEW\",\"unit\":\"jia\"}",
                "{\"decision\":\"RETURN\",\"comment\":\"请补充\"}"))).containsExactly(new Change("任务", "t1", ""),
                new Change("环节", "审核", ""), new Change("单位", "市甲局", ""), new Change("审核结果", "", "退回"),
                new Change("意见", "", "请补充"));
        assertThat(diff.changes(entry("ITEM_SPLIT", "item:5", "{\"text\":\"甲。乙。\"}",
                "{\"first\":{\"text\":\"甲。\"},\"second\":{\"text\":\"乙。\"}}"))).contains(new Change("前半部分 · 事项内容", "", "甲。"));
        assertThat(diff.changes(entry("SWEEP_RUN", "sweep:2026-09-01", null,
                "{\"reminders\":1,\"remindersByKind\":{\"WAITING\":1},\"escalationsByLevel\":{\"1\":2}}")))
                .as("the sweep's counts by reminder kind and level").contains(new Change("各类提醒数 · 待办超期", "", "1"),
                        new Change("各级升级数 · 1", "", "2"));
    }

    @Test
    void aTextReadsByTheLinesThatChanged() {
        assertThat(diff.changes(entry("RULE_FILE_WRITTEN", "rules/thresholds.drl.csv", "a\nb\n5,DUE_SOON\nc\n", "a\nb\n3,DUE_SOON\nc\n")))
                .containsExactly(new Change("第3–3行", "5,DUE_SOON", "3,DUE_SOON"));
        assertThat(diff.changes(entry("HOLIDAYS_WRITTEN", "rules/holidays.csv", "a\n", "a\nb\n")))
                .containsExactly(new Change("第2–2行", "", "b"));
        assertThat(diff.changes(entry("PASSWORD_CHANGED", "user:jia", null, null))).isEmpty();
    }

    @Test
    void theSubjectIsNamed() {
        assertThat(diff.subject(entry("PASSWORD_CHANGED", "user:jia", null, null))).isEqualTo(new Subject("用户 甲局经办人", null));
        assertThat(diff.subject(entry("CONTACTS_CHANGED", "unit:jia", null, null))).isEqualTo(new Subject("单位 市甲局", null));
        assertThat(diff.subject(entry("PLAN_LAUNCHED", "plan:3", null, null))).isEqualTo(new Subject("计划 3", "/plans/3"));
        assertThat(diff.subject(entry("RULE_FILE_WRITTEN", "rules/reminders.drl", null, null)))
                .isEqualTo(new Subject("规则 reminders.drl", null));
    }
}
