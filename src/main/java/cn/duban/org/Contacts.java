package cn.duban.org;

import java.util.List;
import java.util.Set;

/**
 * How a unit is reached besides the in-app inbox (always): e-mail addresses, a group robot's webhook and its
 * message format (JSON, DINGTALK or WECOM markdown), and which of the channels EMAIL and WEBHOOK it reads.
 */
public record Contacts(List<String> emails, String webhookUrl, WebhookFormat webhookFormat, Set<Channel> channels) {

    public enum Channel { EMAIL, WEBHOOK }

    public enum WebhookFormat { JSON, DINGTALK, WECOM }

    public static final Contacts NONE = new Contacts(List.of(), null, null, Set.of());

    /** Validated contacts: addresses look like e-mail, the webhook is http(s), a format defaults to JSON. */
    public static Contacts of(List<String> emails, String webhookUrl, WebhookFormat format, java.util.Collection<Channel> channels) {
        List<String> addresses = emails == null ? List.of() : emails.stream().map(String::trim).filter(e -> !e.isEmpty()).toList();
        for (String e : addresses) {
            if (!e.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")) {
                throw new IllegalArgumentException("邮箱地址无效: " + e);
            }
        }
        String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.trim();
        if (url != null && !url.matches("https?://\\S+")) {
            throw new IllegalArgumentException("webhook 地址须以 http:// 或 https:// 开头: " + url);
        }
        Set<Channel> set = channels == null || channels.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(channels);
        return new Contacts(addresses, url, url == null ? null : format == null ? WebhookFormat.JSON : format, set);
    }

    public boolean reads(Channel channel) {
        return channels.contains(channel) && (channel == Channel.EMAIL ? !emails.isEmpty() : webhookUrl != null);
    }
}
