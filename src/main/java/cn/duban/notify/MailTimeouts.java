package cn.duban.notify;

import java.util.List;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import cn.duban.system.Settings;

/**
 * Puts the SMTP timeouts ({@code duban.mail-*-timeout-ms}) on the mail sender Spring Boot makes from
 * {@code spring.mail.*}, so that a mail server that does not answer fails the send (retried later) instead of hanging
 * it; a timeout given in {@code spring.mail.properties} wins.
 */
@Component
class MailTimeouts implements BeanPostProcessor {

    private final ObjectProvider<Settings> settings;

    MailTimeouts(ObjectProvider<Settings> settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof JavaMailSenderImpl sender) {
            Settings s = settings.getObject();
            Properties properties = sender.getJavaMailProperties();
            for (String protocol : List.of("smtp", "smtps")) {
                properties.putIfAbsent("mail." + protocol + ".connectiontimeout", String.valueOf(s.mailConnectTimeoutMs()));
                properties.putIfAbsent("mail." + protocol + ".timeout", String.valueOf(s.mailReadTimeoutMs()));
                properties.putIfAbsent("mail." + protocol + ".writetimeout", String.valueOf(s.mailWriteTimeoutMs()));
            }
        }
        return bean;
    }
}
