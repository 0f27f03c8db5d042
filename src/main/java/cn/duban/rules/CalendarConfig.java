package cn.duban.rules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.system.Folders;

@Configuration
class CalendarConfig {

    /** The working-day calendar, with the overrides of holidays.csv in the rules folder. */
    @Bean
    WorkCalendar workCalendar(@Value("${duban.rules-dir:rules}") String rulesDir) {
        return WorkCalendar.of(Folders.read(rulesDir, "rules", "holidays.csv"));
    }
}
