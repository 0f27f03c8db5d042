package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.system.Folders.FileText;

class WorkCalendarTest {

    private final WorkCalendar calendar = WorkCalendar.of(List.of());

    @Test
    void holidaysAndMakeUpDaysOf2021() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 9, 18))).as("Saturday, 调休 for 中秋").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 9, 20))).as("中秋节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 9, 26))).as("Sunday, 调休 for 国庆").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 10, 4))).as("国庆节, a Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 10, 9))).as("Saturday, 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2021, 10, 16))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2021, 9, 30), LocalDate.of(2021, 10, 11)))
                .as("10-08, 10-09 and 10-11").isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2021, 10, 11), LocalDate.of(2021, 9, 30))).isEqualTo(-3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2021, 12, 30), LocalDate.of(2022, 1, 4)))
                .as("12-31 and 01-04 across the year and 元旦").isEqualTo(2);
        assertThat(calendar.nextWorkingDay(LocalDate.of(2021, 10, 1))).isEqualTo(LocalDate.of(2021, 10, 8));
    }

    @Test
    void theBuiltInDataCoversTheYearsItListsHolidaysFor() {
        assertThat(calendar.covers(2025)).isTrue();
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).as("tyme4j 1.4.9 ends with 2026").isFalse();
        assertThat(calendar.covers(2001)).as("only make-up days for 2002's 元旦").isFalse();
    }

    @Test
    void aNoticeImportedCoversItsYear() {
        WorkCalendar imported = WorkCalendar.of(List.of(new FileText("holidays.csv",
                HolidayNotice.parse(HolidayNoticeTest.notice(2027)).mergeInto("date,type,name\n").getBytes(StandardCharsets.UTF_8))));
        assertThat(imported.covers(2027)).isTrue();
        assertThat(imported.covers(2028)).isFalse();
        assertThat(imported.isWorkingDay(LocalDate.of(2027, 1, 1))).as("元旦").isFalse();
        assertThat(imported.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(imported.isWorkingDay(LocalDate.of(2027, 1, 31))).as("Sunday, 调休 for 春节").isTrue();
        assertThat(imported.isWorkingDay(LocalDate.of(2027, 10, 4))).as("国庆节, a Monday").isFalse();
        WorkCalendar oneWorkday = WorkCalendar.of(List.of(new FileText("holidays.csv",
                "2027-01-31,WORKDAY,x".getBytes(StandardCharsets.UTF_8))));
        assertThat(oneWorkday.covers(2027)).as("a year is covered by its HOLIDAY lines, not by WORKDAY lines alone").isFalse();
    }

    @Test
    void aYearWithoutDataIsWarnedOfFromTheFirstOfNovemberBefore() {
        assertThat(calendar.warning(LocalDate.of(2026, 10, 31))).isNull();
        assertThat(calendar.warning(LocalDate.of(2026, 11, 1))).startsWith("2027 年尚无法定节假日数据").contains("管理 → 节假日");
        assertThat(calendar.warning(LocalDate.of(2026, 12, 31))).startsWith("2027 年");
        assertThat(calendar.warning(LocalDate.of(2027, 3, 1))).as("and all through the year").startsWith("2027 年");
        assertThat(calendar.warning(LocalDate.of(2026, 6, 1), 2027)).as("a 2027 plan launched early").startsWith("2027 年");
        assertThat(calendar.warning(LocalDate.of(2027, 11, 1), 2029)).startsWith("2027、2028、2029 年");
        WorkCalendar imported = WorkCalendar.of(List.of(new FileText("holidays.csv",
                "2027-01-01,HOLIDAY,元旦".getBytes(StandardCharsets.UTF_8))));
        assertThat(imported.warning(LocalDate.of(2026, 11, 1))).isNull();
        assertThat(imported.warning(LocalDate.of(2027, 11, 1))).startsWith("2028 年");
    }

    @Test
    void yearsTheLibraryDoesNotCoverComeFromTheOverrideFile() {
        LocalDate newYear2027 = LocalDate.of(2027, 1, 1);
        LocalDate saturday = LocalDate.of(2027, 2, 6);
        WorkCalendar overridden = WorkCalendar.of(List.of(new FileText("holidays.csv", """
                # test
                date,type,name
                2027-01-01,HOLIDAY,元旦
                2027-02-06,WORKDAY,春节调休
                """.getBytes(StandardCharsets.UTF_8))));
        assertThat(overridden.isWorkingDay(newYear2027)).isFalse();
        assertThat(overridden.isWorkingDay(saturday)).isTrue();
        assertThatThrownBy(() -> WorkCalendar.of(List.of(new FileText("holidays.csv",
                "2027-13-01,HOLIDAY,x".getBytes(StandardCharsets.UTF_8))))).hasMessageContaining("第 1 行");
    }
}
