package cn.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.duban.system.Today;

/** The warning about a year without holiday data reaches the log once a day at most, however often it is asked for. */
@ExtendWith(OutputCaptureExtension.class)
class CalendarWarningTest {

    @Test
    void loggedOnceADay(CapturedOutput output) {
        AtomicReference<LocalDate> day = new AtomicReference<>(LocalDate.of(2026, 10, 31));
        CalendarWarning warning = new CalendarWarning(WorkCalendar.of(List.of()), new Today("Asia/Shanghai") {
            @Override
            public LocalDate date() {
                return day.get();
            }
        });
        assertThat(warning.check()).isNull();
        assertThat(output.getOut()).doesNotContain("尚无法定节假日数据");
        day.set(LocalDate.of(2026, 11, 1));
        for (int i = 0; i < 3; i++) {
            assertThat(warning.check()).startsWith("2027 年尚无法定节假日数据");
        }
        assertThat(output.getOut().split("2027 年尚无法定节假日数据", -1)).as("once on 1 November").hasSize(2);
        day.set(LocalDate.of(2026, 11, 2));
        warning.check();
        warning.check();
        assertThat(output.getOut().split("2027 年尚无法定节假日数据", -1)).as("and once the next day").hasSize(3);
    }
}
