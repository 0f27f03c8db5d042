package cn.duban.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code duban.*} settings with their defaults (kebab-case in properties: {@code duban.login.max-failures} is
 * {@code login().maxFailures()}). README's Configuration table lists the same names and defaults, and says what each
 * does; SettingsTest holds the two together. A text setting without a default is empty.
 */
@ConfigurationProperties("duban")
public record Settings(
        @DefaultValue("processes") String processesDir,
        @DefaultValue("rules") String rulesDir,
        @DefaultValue("data/rules-cache") String rulesCacheDir,
        @DefaultValue("") String orgFile,
        @DefaultValue("") String adminPassword,
        @DefaultValue("") String demoPlan,
        @DefaultValue("0 30 8 * * ?") String sweepCron,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("duban@localhost") String mailFrom,
        @DefaultValue("10000") int mailConnectTimeoutMs,
        @DefaultValue("30000") int mailReadTimeoutMs,
        @DefaultValue("30000") int mailWriteTimeoutMs,
        @DefaultValue("PT15S") Duration deliveryInterval,
        @DefaultValue("PT10S") Duration deliveryDelay,
        @DefaultValue("PT2M") Duration deliveryClaim,
        @DefaultValue("PT10S") Duration policySyncInterval,
        @DefaultValue("PT10S") Duration dashboardMaxAge,
        @DefaultValue("2MB") DataSize maxBody,
        @DefaultValue Login login,
        @DefaultValue Password password,
        @DefaultValue Webhook webhook) {

    public record Login(
            @DefaultValue("PT10M") Duration remember,
            @DefaultValue("5") int maxFailures,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("PT15M") Duration window) {}

    public record Password(@DefaultValue("8") int minLength) {}

    public record Webhook(@DefaultValue("false") boolean allowHttp, @DefaultValue("false") boolean allowPrivate) {}
}
