package cn.duban.notify;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.duban.system.Settings;

/**
 * Where the server may send a webhook: https only ({@code duban.webhook.allow-http=true} also lets http through),
 * and never to a loopback, link-local, private or otherwise internal address unless
 * {@code duban.webhook.allow-private=true} — a webhook address typed on the 管理 page must not turn the server into a
 * way to reach the machines beside it. Checked when an address is set (a host that does not resolve yet passes) and
 * again before every send, on the addresses the host resolves to then.
 */
@Component
public class WebhookPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;

    @Autowired
    public WebhookPolicy(Settings settings) {
        this(settings.webhook().allowHttp(), settings.webhook().allowPrivate());
    }

    WebhookPolicy(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** Refuses, with the reason in Chinese, an address that may not be set as a webhook; null passes (none). */
    public void checkSetting(String url) {
        if (url != null) {
            check(url, false);
        }
    }

    /** Refuses an address that may not be sent to now, resolving its host. */
    public void checkSending(String url) {
        check(url, true);
    }

    private void check(String url, boolean mustResolve) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook 地址无效: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new IllegalArgumentException("webhook 地址须以 https:// 开头" + (allowHttp ? " (或 http://)" : "") + ": " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("webhook 地址缺少主机名: " + url);
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            if (mustResolve) {
                throw new IllegalArgumentException("webhook 主机名无法解析: " + host);
            }
            return;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new IllegalArgumentException("webhook 地址不能指向本机或内网地址 (" + address.getHostAddress() + "): " + url);
            }
        }
    }

    /** Loopback, link-local, private (RFC 1918, IPv6 unique-local), carrier-grade NAT, unspecified or multicast. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second == 18 || second == 19));
    }
}
