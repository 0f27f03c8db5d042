package cn.duban.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import cn.duban.system.Settings;

/**
 * Login rate limiting by user name <em>and</em> client address, so that an attacker cannot lock anyone else out:
 * {@code duban.login.max-failures} wrong passwords for one user name from one address within {@code duban.login.window}
 * block that name from that address, and {@code duban.login.max-failures-per-address} wrong passwords from one
 * address, whatever the names, block the address; the same user signing in from elsewhere is not affected. Names
 * that exist and names that do not are counted and answered alike. Failures are kept in the database, so every node
 * of a cluster counts them; the API and the login page both count, and so do attempts made while blocked. A
 * successful login clears that name's failures from that address.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final int maxPerAddress;
    private final Duration window;

    public LoginAttempts(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.maxFailures = settings.login().maxFailures();
        this.maxPerAddress = settings.login().maxFailuresPerAddress();
        this.window = settings.login().window();
    }

    /** Whether a sign-in as {@code username} from {@code client} is refused for now, before its password is looked at. */
    public boolean locked(String username, String client) {
        int[] failures = jdbc.sql("select count(*), coalesce(sum(case when username = ? then 1 else 0 end), 0) "
                        + "from login_failure where client = ? and failed_at > ?")
                .params(key(username), client(client), Timestamp.from(Instant.now().minus(window)))
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(seenKey(username), failures[1], RequestAttributes.SCOPE_REQUEST);
        }
        return failures[1] >= maxFailures || failures[0] >= maxPerAddress;
    }

    /** What a blocked sign-in is told (API, and a change of one's own password). */
    public String blockedMessage() {
        return "登录失败次数过多，请 " + windowMinutes() + " 分钟后再试";
    }

    /** How long a block lasts at most, in minutes (for the message). */
    public long windowMinutes() {
        return Math.max(1, window.toMinutes());
    }

    /** A wrong password, and an attempt refused while blocked: a flood goes on counting against its address. */
    @EventListener({AuthenticationFailureBadCredentialsEvent.class, AuthenticationFailureLockedEvent.class})
    void failed(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    /** Counts a wrong password for the name from the address (a sign-in, or a signed-in user's current password). */
    public void failed(String username, String client) {
        Instant now = Instant.now();
        jdbc.sql("delete from login_failure where failed_at <= ?").param(Timestamp.from(now.minus(window))).update();
        jdbc.sql("insert into login_failure (username, client, failed_at) values (?, ?, ?)")
                .params(key(username), client(client), Timestamp.from(now)).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        // Every API request signs in: nothing to clear when this sign-in found no recent failure (older ones no
        // longer count and go with the next failure).
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object seen = request == null ? null : request.getAttribute(seenKey(username), RequestAttributes.SCOPE_REQUEST);
        if (!Integer.valueOf(0).equals(seen)) {
            jdbc.sql("delete from login_failure where username = ? and client = ?")
                    .params(key(username), client(address(event.getAuthentication()))).update();
        }
    }

    /** The client address a sign-in came from (the servlet's remote address: see server.forward-headers-strategy). */
    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /** The request attribute holding the failures {@link #locked} found for a user in this request. */
    private static String seenKey(String username) {
        return LoginAttempts.class.getName() + ":" + key(username);
    }

    private static String key(String username) {
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private static String client(String address) {
        String client = address == null ? "" : address;
        return client.length() > 64 ? client.substring(0, 64) : client;
    }
}
