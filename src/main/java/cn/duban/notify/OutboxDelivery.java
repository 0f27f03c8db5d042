package cn.duban.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: every message due is claimed (so that one node sends it), sent, and marked sent; a failure
 * is retried with growing back-off and stays visible with its last error; after {@value #MAX_ATTEMPTS} attempts it
 * is FAILED. A message is marked sent only after its channel accepted it, so a crash resends rather than loses it;
 * receivers can tell the resend by its idempotency key.
 */
@Component
public class OutboxDelivery {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private record Message(long id, String key, String channel, String recipient, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final Map<String, Sender> senders;
    private final Duration claim;

    OutboxDelivery(JdbcClient jdbc, List<Sender> senders, @Value("${duban.delivery-claim:PT2M}") Duration claim) {
        this.jdbc = jdbc;
        this.claim = claim;
        this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
    }

    @Scheduled(fixedDelayString = "${duban.delivery-interval:PT15S}", initialDelayString = "${duban.delivery-delay:PT10S}")
    public void deliverDue() {
        deliverDue(Instant.now());
    }

    /** Sends what is due at {@code now}; returns how many messages were delivered. */
    public int deliverDue(Instant now) {
        List<Message> due = jdbc.sql("select id, idempotency_key, channel, recipient, subject, body, attempts from outbox "
                        + "where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
                        + "order by id limit 100")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
        int delivered = 0;
        for (Message m : due) {
            boolean claimed = jdbc.sql("update outbox set claimed_until = ?, last_error = coalesce(last_error, '') where id = ? "
                            + "and status = 'PENDING' and (claimed_until is null or claimed_until < ?)")
                    .params(Timestamp.from(now.plus(claim)), m.id(), Timestamp.from(now)).update() == 1;
            if (!claimed) {
                continue; // another node has it
            }
            try {
                senders.get(m.channel()).send(m.key(), m.recipient(), m.subject(), m.body());
                jdbc.sql("update outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = null where id = ?")
                        .params(Timestamp.from(Instant.now()), m.id()).update();
                delivered++;
            } catch (Exception e) {
                int attempts = m.attempts() + 1;
                Duration wait = Duration.ofSeconds(Math.min(3600, 30L << Math.min(attempts - 1, 10)));
                String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
                jdbc.sql("update outbox set attempts = ?, status = ?, next_attempt_at = ?, last_error = ?, claimed_until = null where id = ?")
                        .params(attempts, attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", Timestamp.from(now.plus(wait)),
                                error.substring(0, Math.min(2000, error.length())), m.id())
                        .update();
                log.warn("Delivery of {} failed (attempt {}): {}", m.key(), attempts, error);
            }
        }
        return delivered;
    }
}
