package cn.duban.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

/** An HTTP POST (redirects not followed) of the message's JSON body to a group robot's webhook, with an Idempotency-Key header. */
@Component
class WebhookSender implements Sender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookPolicy policy;

    WebhookSender(WebhookPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String channel() {
        return "WEBHOOK";
    }

    @Override
    public void send(String key, String recipient, String subject, String body) throws Exception {
        policy.checkSending(recipient); // also an address stored before the policy, or a host that now resolves inward
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(recipient))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }
}
