package cn.duban.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;

import cn.duban.Api;
import cn.duban.Api.Response;
import cn.duban.TestToday;
import cn.duban.rules.WorkCalendar;

/**
 * The rules page's simulation shows what the server's sweep does: a launched plan (a group's item, one with two lead
 * units, one with a lead and a responsible unit, a monthly item and a quota), nobody reporting, simulated through the
 * API and swept day by day over the same ten weeks, gives the same reminders, escalations and colours on the same days.
 * Today moves along with the days swept (the sweep refuses a day after today).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SweepSimulationTest {

    /** A year of its own: no other test's items are open in it, nor swept after it. */
    private static final int YEAR = LocalDate.now().getYear() + 23;
    private static final int WEEKS = 10;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestToday today;

    @Test
    void theSimulationAndTheSweepAgreeDayByDay() {
        Api api = new Api(mvc);
        LocalDate issued = LocalDate.of(YEAR, 6, 2);
        today.set(issued); // launched on its issue day, as the simulation opens the units' tasks
        long planId = api.launchPlan("测试市" + YEAR + "年政务公开工作要点\n" + YEAR + "年6月2日\n一、测试\n"
                + "1.公开重大项目进展情况。(责任单位:市政府各局)6月30日前\n"
                + "2.公开审计整改情况。(牵头单位:市甲局、市乙局)7月10日前\n"
                + "3.公开财政资金使用情况。(牵头单位:市丙局;责任单位:市丁局)6月20日前\n"
                + "4.公开重点民生实事进展。(责任单位:市乙局)每月\n"
                + "5.做好政策解读,每月至少开展1次集中解读活动。(责任单位:市丙局)7月31日前\n");
        LocalDate end = issued.plusWeeks(WEEKS);

        Response simulated = api.get("admin", "/api/admin/rules/simulate?plan=" + planId + "&completion=none&from=" + issued
                + "&weeks=" + WEEKS);
        assertThat(simulated.status()).isEqualTo(200);
        TreeSet<String> simReminders = new TreeSet<>();
        TreeSet<String> simEscalations = new TreeSet<>();
        TreeSet<String> simColours = new TreeSet<>();
        for (JsonNode e : simulated.body()) {
            String number = e.get("itemNumber").asText();
            String date = e.get("date").asText();
            switch (e.get("action").asText()) {
                case "REMIND" -> simReminders.add(number + " " + e.get("unit").asText() + " " + e.get("kind").asText() + " " + date);
                case "ESCALATE" -> simEscalations.add(number + " " + e.get("level").asInt() + " " + date);
                case "COLOUR" -> simColours.add(number + " " + e.get("kind").asText() + " " + date);
                default -> throw new AssertionError("unknown action " + e);
            }
        }

        TreeSet<String> colours = new TreeSet<>();
        Map<String, String> colour = new HashMap<>();
        for (LocalDate day = issued; day.isBefore(end); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            today.set(day);
            Response swept = api.post("admin", "/api/admin/sweep?date=" + day, "");
            assertThat(swept.status()).as(swept.raw()).isEqualTo(200);
            LocalDate on = day;
            jdbc.sql("select number, colour from item where plan_id = ?").param(planId).query((rs, i) -> {
                String now = rs.getString(2);
                if (now != null && !now.equals(colour.get(rs.getString(1)))) {
                    colours.add(rs.getString(1) + " " + now + " " + on);
                }
                return colour.put(rs.getString(1), now);
            }).list();
        }
        TreeSet<String> reminders = new TreeSet<>(jdbc.sql("select i.number || ' ' || n.unit_code || ' ' || n.kind || ' ' || n.on_date "
                + "from notification n join item i on i.id = n.item_id where i.plan_id = ? and n.kind <> 'ESCALATED'")
                .param(planId).query(String.class).list());
        TreeSet<String> escalations = new TreeSet<>(jdbc.sql("select distinct i.number || ' ' || x.level || ' ' || x.on_date "
                + "from escalation x join item i on i.id = x.item_id where i.plan_id = ?").param(planId).query(String.class).list());

        assertThat(reminders).as("the group's units are reminded one by one").anyMatch(r -> r.startsWith("1 jia DUE_TODAY"))
                .anyMatch(r -> r.startsWith("1 ding DUE_TODAY"))
                .as("the second lead unit works, the first consolidates later").anyMatch(r -> r.startsWith("2 yi OVERDUE"))
                .noneMatch(r -> r.startsWith("2 jia")).noneMatch(r -> r.startsWith("3 bing"))
                .anyMatch(r -> r.startsWith("3 ding OVERDUE")).anyMatch(r -> r.startsWith("4 yi"))
                .anyMatch(r -> r.startsWith("5 bing QUOTA"));
        assertThat(reminders).as("nobody signs for the tasks (签收)").anyMatch(r -> r.startsWith("4 yi NOT_SIGNED " + YEAR + "-06"));
        assertThat(escalations).as("not signed within the week").anyMatch(e -> e.startsWith("4 1 " + YEAR + "-06"))
                .anyMatch(e -> e.startsWith("1 3 "));
        assertThat(colours).anyMatch(c -> c.startsWith("2 RED"));
        assertThat(new ArrayList<>(simReminders)).as("reminders").isEqualTo(new ArrayList<>(reminders));
        assertThat(new ArrayList<>(simEscalations)).as("escalations").isEqualTo(new ArrayList<>(escalations));
        assertThat(new ArrayList<>(simColours)).as("colours").isEqualTo(new ArrayList<>(colours));
        assertThat(List.of(simReminders.size(), simEscalations.size(), simColours.size())).allMatch(n -> n > 3);
    }
}
