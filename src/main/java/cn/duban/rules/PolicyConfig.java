package cn.duban.rules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.system.Folders;

/** The policy the rules folder holds: the working-day calendar and the compiled rules. */
@Configuration
class PolicyConfig {

    @Bean
    RuleBase ruleBase(@Value("${duban.rules-dir:rules}") String rulesDir) {
        return RuleBase.compiledInBackground(rulesDir);
    }

    /** The working-day calendar, with the overrides of holidays.csv in the rules folder. */
    @Bean
    WorkCalendar workCalendar(@Value("${duban.rules-dir:rules}") String rulesDir) {
        return WorkCalendar.of(Folders.read(rulesDir, "rules", "holidays.csv"));
    }
}
