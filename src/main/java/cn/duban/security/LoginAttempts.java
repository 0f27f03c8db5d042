package cn.duban.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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
        return jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(key(username), Timestamp.from(Instant.now().minus(window))).query(Integer.class).single() >= maxFailures;
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
        String user = key(event.getAuthentication().getName());
        // every API request signs in: write only when there is something to clear
        if (jdbc.sql("select count(*) from login_failure where username = ?").param(user).query(Integer.class).single() > 0) {
            jdbc.sql("delete from login_failure where username = ?").param(user).update();
        }
    }

    private static String key(String username) {
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }
}
