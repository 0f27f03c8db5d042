package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.tyme.holiday.LegalHoliday;

import cn.duban.rules.HolidayNotice.Day;
import cn.duban.rules.HolidayNotice.Type;
import cn.duban.system.Folders.FileText;

/**
 * The State Council's holiday notice read into overrides: notices written in the official wording for years the
 * built-in data knows agree with it day by day; a notice for a year it does not know yields exactly what it states.
 */
class HolidayNoticeTest {

    static String notice(int year) {
        try (InputStream in = HolidayNoticeTest.class.getResourceAsStream("/notices/" + year + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean weekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void aNoticeAgreesWithTheBuiltInDataDayByDay(int year) {
        HolidayNotice notice = HolidayNotice.parse(notice(year));
        assertThat(notice.year()).isEqualTo(year);
        assertThat(notice.unread()).isEmpty();
        // the lines as holidays.csv holds them, over plain weekdays, against the built-in calendar
        Map<LocalDate, Boolean> overrides = WorkCalendar.overrides(List.of(new FileText("holidays.csv",
                notice.mergeInto("date,type,name\n").getBytes(StandardCharsets.UTF_8))));
        WorkCalendar builtIn = WorkCalendar.of(List.of());
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            assertThat(overrides.getOrDefault(d, weekday(d))).as("%s (%s)", d, d.getDayOfWeek()).isEqualTo(builtIn.isWorkingDay(d));
        }
        // and the very days the library lists, each with its type
        List<String> listed = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LegalHoliday h = LegalHoliday.fromYmd(year, d.getMonthValue(), d.getDayOfMonth());
            if (h != null) {
                listed.add(d + (h.isWork() ? " WORKDAY" : " HOLIDAY"));
            }
        }
        assertThat(notice.days().stream().map(x -> x.date() + " " + x.type()).toList()).isEqualTo(listed);
    }

    @Test
    void aNoticeForAYearTheLibraryDoesNotKnowYieldsWhatItStates() {
        HolidayNotice notice = HolidayNotice.parse(notice(2027));
        assertThat(notice.year()).isEqualTo(2027);
        assertThat(notice.unread()).isEmpty();
        List<Day> expected = new ArrayList<>();
        holidays(expected, "元旦", "2027-01-01", "2027-01-03"); // 与周末连休: Friday with the weekend
        expected.add(new Day(LocalDate.parse("2027-01-31"), Type.WORKDAY, "春节"));
        holidays(expected, "春节", "2027-02-05", "2027-02-11");
        expected.add(new Day(LocalDate.parse("2027-02-20"), Type.WORKDAY, "春节"));
        holidays(expected, "清明节", "2027-04-03", "2027-04-05");
        expected.add(new Day(LocalDate.parse("2027-04-25"), Type.WORKDAY, "劳动节"));
        holidays(expected, "劳动节", "2027-05-01", "2027-05-05");
        expected.add(new Day(LocalDate.parse("2027-05-08"), Type.WORKDAY, "劳动节"));
        holidays(expected, "端午节", "2027-06-09", "2027-06-09");
        holidays(expected, "中秋节", "2027-09-15", "2027-09-15");
        expected.add(new Day(LocalDate.parse("2027-09-26"), Type.WORKDAY, "国庆节"));
        holidays(expected, "国庆节", "2027-10-01", "2027-10-07");
        expected.add(new Day(LocalDate.parse("2027-10-09"), Type.WORKDAY, "国庆节"));
        assertThat(notice.days()).containsExactlyElementsOf(expected);
    }

    private static void holidays(List<Day> days, String name, String from, String to) {
        LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).forEach(d -> days.add(new Day(d, Type.HOLIDAY, name)));
    }

    @Test
    void theWeekendJoinedToAHolidayMayLieInTheYearBefore() {
        HolidayNotice notice = HolidayNotice.parse("国务院办公厅关于2024年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。\n");
        assertThat(notice.days()).extracting(Day::date).containsExactly(LocalDate.of(2023, 12, 30), LocalDate.of(2023, 12, 31),
                LocalDate.of(2024, 1, 1));
        for (Day d : notice.days()) {
            LegalHoliday h = LegalHoliday.fromYmd(d.date().getYear(), d.date().getMonthValue(), d.date().getDayOfMonth());
            assertThat(h).as("the built-in data lists %s", d.date()).isNotNull();
            assertThat(h.isWork()).isFalse();
        }
    }

    @Test
    void aDateWithoutItsMonthTakesTheOneBeforeIt() {
        HolidayNotice notice = HolidayNotice.parse("国务院办公厅关于2027年部分节假日安排的通知 "
                + "一、国庆节：10月1日（星期五）至7日（星期四）放假调休，共7天。9月26日（星期日）、10月9日（星期六）、10日上班。");
        assertThat(notice.days().stream().filter(d -> d.type() == Type.WORKDAY).map(Day::date).toList())
                .containsExactly(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9), LocalDate.of(2027, 10, 10));
    }

    @Test
    void whatCannotBeReadIsListed() {
        HolidayNotice notice = HolidayNotice.parse("国务院办公厅关于2027年部分节假日安排的通知\n"
                + "一、元旦：1月1日至3日放假，共4天。\n"
                + "二、春节：另行通知。\n"
                + "三、清明节：4月3日至5日放假，共3天。4月10日调整。\n"
                + "四、劳动节：2月30日放假。\n");
        assertThat(notice.unread()).hasSize(4);
        assertThat(notice.unread().get(0)).contains("一、元旦", "共 3 天");
        assertThat(notice.unread()).anyMatch(u -> u.contains("二、春节") && u.contains("未找到放假日期"));
        assertThat(notice.unread()).anyMatch(u -> u.contains("4月10日调整"));
        assertThat(notice.unread()).anyMatch(u -> u.contains("四、劳动节") && u.contains("日期无效"));
        assertThat(notice.days()).extracting(Day::date).contains(LocalDate.of(2027, 4, 3));
    }

    @Test
    void aTextThatIsNotANoticeIsRefused() {
        assertThatThrownBy(() -> HolidayNotice.parse("2027年元旦放假1天")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未找到通知标题");
        assertThatThrownBy(() -> HolidayNotice.parse(null)).hasMessageContaining("未找到通知标题");
        assertThatThrownBy(() -> HolidayNotice.parse("国务院办公厅关于2027年部分节假日安排的通知\n元旦放假一天。"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("未识别到任何节假日安排");
    }

    @Test
    void mergingReplacesTheYearsEarlierLinesAndKeepsTheRest() {
        String csv = """
                # comment kept
                date,type,name
                2027-01-01,HOLIDAY,元旦
                2027-03-08,HOLIDAY,earlier guess
                2030-05-01,HOLIDAY,劳动节
                """;
        HolidayNotice notice = HolidayNotice.parse(notice(2027));
        String merged = notice.mergeInto(csv);
        assertThat(merged).startsWith("# comment kept\ndate,type,name\n2030-05-01,HOLIDAY,劳动节\n")
                .doesNotContain("earlier guess").contains("2027-01-01,HOLIDAY,元旦\n", "2027-10-09,WORKDAY,国庆节\n");
        assertThat(merged.lines().filter(l -> l.startsWith("2027-")).count()).isEqualTo(notice.days().size());
        assertThat(notice.mergeInto(merged)).as("importing it again changes nothing").isEqualTo(merged);
        assertThat(new TreeSet<>(WorkCalendar.overrides(List.of(new FileText("holidays.csv", merged.getBytes(StandardCharsets.UTF_8))))
                .keySet()).first()).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
