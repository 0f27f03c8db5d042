package cn.duban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.duban.Api;

/** Webhooks go out over https, and never to the server's own neighbourhood, unless configured otherwise. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookPolicyTest {

    private static final WebhookPolicy STRICT = new WebhookPolicy(false, false);

    @Autowired
    MockMvc mvc;

    @Test
    void httpsToAPublicAddressOnly() {
        assertThatCode(() -> STRICT.checkSetting("https://203.0.113.7/robot/send?access_token=x")).doesNotThrowAnyException();
        assertThatCode(() -> STRICT.checkSetting(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> STRICT.checkSetting("http://203.0.113.7/robot")).hasMessageContaining("https://");
        assertThatThrownBy(() -> STRICT.checkSetting("ftp://203.0.113.7/robot")).hasMessageContaining("https://");
        assertThatThrownBy(() -> STRICT.checkSetting("https:///robot")).hasMessageContaining("主机名");
        for (String inward : new String[] {"https://127.0.0.1/hook", "https://127.8.9.10:8443/hook", "https://localhost/hook",
                "https://10.1.2.3/hook", "https://172.20.0.5/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest",
                "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[::1]/hook", "https://[fd12:3456::1]/hook",
                "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://224.0.0.1/hook"}) {
            assertThatThrownBy(() -> STRICT.checkSetting(inward)).as(inward).hasMessageContaining("内网");
        }
    }

    @Test
    void configurationOpensHttpAndPrivateAddresses() {
        assertThatCode(() -> new WebhookPolicy(true, false).checkSetting("http://203.0.113.7/robot")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new WebhookPolicy(true, false).checkSetting("http://127.0.0.1/robot")).hasMessageContaining("内网");
        assertThatCode(() -> new WebhookPolicy(true, true).checkSetting("http://127.0.0.1:9/robot")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new WebhookPolicy(false, true).checkSetting("http://127.0.0.1:9/robot")).hasMessageContaining("https://");
    }

    @Test
    void anAddressStoredBeforeThePolicyIsNotSentTo() {
        WebhookSender sender = new WebhookSender(STRICT);
        assertThatThrownBy(() -> sender.send("k", "http://127.0.0.1:9/robot", "s", "{}")).hasMessageContaining("https://");
        assertThatThrownBy(() -> sender.send("k", "https://127.0.0.1:9/robot", "s", "{}")).hasMessageContaining("内网");
        assertThatThrownBy(() -> sender.send("k", "https://no-such-host.invalid/robot", "s", "{}")).hasMessageContaining("无法解析");
    }

    @Test
    void theApiRefusesAnInwardWebhook() {
        Api api = new Api(mvc);
        Api.Response refused = api.call("admin", MockMvcRequestBuilders.put("/api/admin/units/ren/contacts")
                .contentType(MediaType.APPLICATION_JSON).content("{\"webhookUrl\":\"https://192.168.0.10/hook\",\"channels\":[\"WEBHOOK\"]}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).contains("内网", "192.168.0.10");
        Api.Response plain = api.call("admin", MockMvcRequestBuilders.put("/api/admin/units/ren/contacts")
                .contentType(MediaType.APPLICATION_JSON).content("{\"webhookUrl\":\"http://203.0.113.7/hook\",\"channels\":[\"WEBHOOK\"]}"));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(api.get("admin", "/api/admin/units").raw()).doesNotContain("192.168.0.10", "203.0.113.7");
    }
}
