package cn.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A matched password skips bcrypt for a while; a wrong or changed one never does. */
class CachingPasswordEncoderTest {

    /** The real encoder, counting how often it is asked. */
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void aMatchIsRememberedAWrongPasswordNever() {
        CachingPasswordEncoder encoder = new CachingPasswordEncoder(counting, Duration.ofMinutes(10));
        String hash = encoder.encode("secret");
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(checks).as("the second check skipped bcrypt").hasValue(1);
        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(encoder.matches("guess", hash)).isFalse();
        assertThat(checks).as("every wrong password pays bcrypt").hasValue(3);
        String changed = encoder.encode("secret");
        assertThat(encoder.matches("secret", changed)).isTrue();
        assertThat(checks).as("a new stored hash is checked afresh").hasValue(4);
        assertThat(encoder.matches("other", changed)).isFalse();
    }

    @Test
    void aRememberedMatchExpires() throws InterruptedException {
        CachingPasswordEncoder encoder = new CachingPasswordEncoder(counting, Duration.ofMillis(50));
        String hash = encoder.encode("secret");
        assertThat(encoder.matches("secret", hash)).isTrue();
        Thread.sleep(100);
        assertThat(encoder.matches("secret", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }
}
