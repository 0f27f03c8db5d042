package cn.duban.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Login rate limiting: after {@code duban.login.max-failures} wrong passwords for one user name within
 * {@code duban.login.window}, the account is locked until the window has passed. Failures are kept in the database,
 * so every node of a cluster counts them alike; the API and the login page both count. A successful login clears
 * the count.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final Duration window;

    public LoginAttempts(JdbcClient jdbc, @Value("${duban.login.max-failures:5}") int maxFailures,
                         @Value("${duban.login.window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    public boolean locked(String username) {
        int failures = jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(key(username), Timestamp.from(Instant.now().minus(window))).query(Integer.class).single();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(seenKey(username), failures, RequestAttributes.SCOPE_REQUEST);
        }
        return failures >= maxFailures;
    }

    /** How long a locked account stays locked at most, in minutes (for the message). */
    public long windowMinutes() {
        return Math.max(1, window.toMinutes());
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = Instant.now();
        jdbc.sql("delete from login_failure where failed_at <= ?").param(Timestamp.from(now.minus(window))).update();
        jdbc.sql("insert into login_failure (username, failed_at) values (?, ?)")
                .params(key(event.getAuthentication().getName()), Timestamp.from(now)).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        // Every API request signs in: nothing to clear when this sign-in found no recent failure (older ones no
        // longer count and go with the next failure).
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object seen = request == null ? null : request.getAttribute(seenKey(username), RequestAttributes.SCOPE_REQUEST);
        if (!Integer.valueOf(0).equals(seen)) {
            jdbc.sql("delete from login_failure where username = ?").param(key(username)).update();
        }
    }

    /** The request attribute holding the failures {@link #locked} found for a user in this request. */
    private static String seenKey(String username) {
        return LoginAttempts.class.getName() + ":" + key(username);
    }

    private static String key(String username) {
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
