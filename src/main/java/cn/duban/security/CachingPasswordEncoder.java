package cn.duban.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API is stateless: every request carries its password (HTTP Basic), and checking a bcrypt hash costs tens of
 * milliseconds of CPU by design. A password that matched its stored hash is remembered for a while, keyed by an
 * HMAC (with a key made at start and kept in memory only) of the stored hash and the password, so the next requests
 * of the same client skip bcrypt. Only matches are remembered: a wrong password always pays the full price, and a
 * changed password has a new stored hash, so the old one no longer matches.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final byte[] key = new byte[32];
    private final Map<String, Long> matched = new ConcurrentHashMap<>();

    CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) {
            return delegate.matches(raw, encoded);
        }
        String entry = hmac(encoded + '\n' + raw);
        Long until = matched.get(entry);
        long now = System.nanoTime();
        if (until != null && until - now > 0) {
            return true;
        }
        boolean matches = delegate.matches(raw, encoded);
        if (matches) {
            if (matched.size() >= MAX_ENTRIES) {
                matched.clear();
            }
            matched.put(entry, now + ttlNanos);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
