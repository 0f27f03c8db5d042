package cn.duban.notify;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.internet.MimeMessage;

import cn.duban.system.Settings;

/** E-mail over SMTP (spring.mail.*); the message's Message-ID carries the idempotency key. */
@Component
class EmailSender implements Sender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, Settings settings) {
        this.mail = mail;
        this.from = settings.mailFrom();
    }

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public void send(String key, String recipient, String subject, String body) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("未配置邮件服务器 (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(recipient.split(","));
        helper.setSubject(subject);
        helper.setText(body);
        message.saveChanges();
        message.setHeader("Message-ID", "<" + key.replaceAll("[^A-Za-z0-9._-]", "_") + "@duban>");
        sender.send(message);
    }
}
