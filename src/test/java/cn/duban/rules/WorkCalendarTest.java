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
    void yearsTheLibraryDoesNotCoverComeFromTheOverrideFile() {
        LocalDate newYear2027 = LocalDate.of(2027, 1, 1);
        LocalDate saturday = LocalDate.of(2027, 2, 6);
        assertThat(calendar.isWorkingDay(newYear2027)).as("without overrides, only weekends are off").isTrue();
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
