package cn.duban;

import java.time.LocalDate;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import cn.duban.system.Settings;
import cn.duban.system.Today;

/**
 * Today in the tests (profile "test", found by the application's component scan): the office's date, unless a test
 * moves it to the day it sweeps, as the days would pass (the sweep refuses a day after today). It is put back after
 * every test ({@link Reset}, in META-INF/spring.factories): the tests share their application context.
 */
@Component
@Primary
@Profile("test")
public class TestToday extends Today {

    private volatile LocalDate moved;

    public TestToday(Settings settings) {
        super(settings);
    }

    @Override
    public LocalDate date() {
        LocalDate day = moved;
        return day == null ? super.date() : day;
    }

    /** From now on, today is {@code day}. */
    public void set(LocalDate day) {
        moved = day;
    }

    /** Puts today back after each test method of every Spring test. */
    public static class Reset implements TestExecutionListener {

        @Override
        public void afterTestMethod(TestContext context) {
            if (context.hasApplicationContext()) {
                context.getApplicationContext().getBeanProvider(TestToday.class).ifAvailable(t -> t.moved = null);
            }
        }
    }
}
