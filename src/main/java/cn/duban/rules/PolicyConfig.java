package cn.duban.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.system.Folders;
import cn.duban.system.Settings;

/** The policy the rules folder holds: the working-day calendar and the compiled rules. */
@Configuration
class PolicyConfig {

    @Bean
    RuleBase ruleBase(Settings settings) {
        return RuleBase.compiledInBackground(settings.rulesDir());
    }

    /** The working-day calendar, with the overrides of holidays.csv in the rules folder. */
    @Bean
    WorkCalendar workCalendar(Settings settings) {
        return WorkCalendar.of(Folders.read(settings.rulesDir(), "rules", "holidays.csv"));
    }
}
