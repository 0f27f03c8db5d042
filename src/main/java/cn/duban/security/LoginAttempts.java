package cn.duban.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Login rate limiting: after {@code duban.login.max-failures} wrong passwords for one user name within
 * {@code duban.login.window}, the account is locked until the window has passed (per node; the API and the login page
 * both count). A successful login clears the count.
 */
@Component
public class LoginAttempts {

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginAttempts(@Value("${duban.login.max-failures:5}") int maxFailures,
                         @Value("${duban.login.window:PT15M}") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    public boolean locked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            Instant since = Instant.now().minus(window);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
                recent.pollFirst();
            }
            return recent.size() >= maxFailures;
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Deque<Instant> recent = failures.computeIfAbsent(key(event.getAuthentication().getName()), k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(Instant.now());
            while (recent.size() > maxFailures) {
                recent.pollFirst();
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
