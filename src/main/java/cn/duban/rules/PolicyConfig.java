package cn.duban.rules;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.duban.system.Folders;
import cn.duban.system.Settings;

/** The policy the rules folder holds: the working-day calendar and the compiled rules. */
@Configuration
class PolicyConfig {

    /**
     * The rules, loaded as compiled at the last start when neither the rule files nor duban's build changed since
     * ({@code duban.rules-cache-dir}; empty, or no build information: compiled at every start).
     */
    @Bean
    RuleBase ruleBase(Settings settings, ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        CompiledRules kept = settings.rulesCacheDir().isBlank() || info == null || info.getTime() == null ? null
                : new CompiledRules(Path.of(settings.rulesCacheDir()), info.getVersion() + "@" + info.getTime());
        return RuleBase.compiledInBackground(settings.rulesDir(), kept);
    }

    /** The working-day calendar, with the overrides of holidays.csv in the rules folder. */
    @Bean
    WorkCalendar workCalendar(Settings settings) {
        return WorkCalendar.of(Folders.read(settings.rulesDir(), "rules", "holidays.csv"));
    }
}
