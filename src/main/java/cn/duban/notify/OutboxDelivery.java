package cn.duban.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import cn.duban.system.Settings;

/**
 * Delivers the outbox: every message due is claimed (so that one node sends it), sent, and marked sent; a failure
 * is retried with growing back-off and stays visible with its last error; after {@value #MAX_ATTEMPTS} attempts it
 * is FAILED. A message is marked sent only after its channel accepted it, so a crash resends rather than loses it;
 * receivers can tell the resend by its idempotency key. A claim is taken when the message is, and renewed while it is
 * sent; delivery runs on threads of its own ("outbox-"), so a mail server that hangs delays no other scheduled work.
 */
@Component
public class OutboxDelivery implements SmartLifecycle {

    static final int MAX_ATTEMPTS = 12;
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private record Message(long id, String key, String channel, String recipient, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final Map<String, Sender> senders;
    private final Duration claim;
    private final Duration interval;
    private final Duration delay;
    /** One thread delivers, the other renews the claim of the message being sent. */
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile boolean running;

    OutboxDelivery(JdbcClient jdbc, List<Sender> senders, Settings settings) {
        this.jdbc = jdbc;
        this.claim = settings.deliveryClaim();
        this.interval = settings.deliveryInterval();
        this.delay = settings.deliveryDelay();
        this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("outbox-");
    }

    @Override
    public void start() {
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(this::deliverDue, Instant.now().plus(delay), interval);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // a send in progress is abandoned, unrecorded: its claim runs out and this node or another resends it
        scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public void deliverDue() {
        deliverDue(Instant.now());
    }

    /**
     * Sends what is due at {@code now}; returns how many messages were delivered. Claims follow the clock: each
     * message is claimed when taken, and the batch takes no more once it has run half a claim (the rest is read
     * afresh in the next round).
     */
    public int deliverDue(Instant now) {
        Instant started = Instant.now();
        List<Message> due = jdbc.sql("select id, idempotency_key, channel, recipient, subject, body, attempts from outbox "
                        + "where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
                        + "order by id limit 100")
                .params(Timestamp.from(now), Timestamp.from(started))
                .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
        int delivered = 0;
        for (Message m : due) {
            if (!running) {
                break; // stopping: the rest waits for the next round, here or on another node
            }
            Instant taken = Instant.now();
            if (Duration.between(started, taken).compareTo(claim.dividedBy(2)) > 0) {
                break;
            }
            boolean claimed = jdbc.sql("update outbox set claimed_until = ?, last_error = coalesce(last_error, '') where id = ? "
                            + "and status = 'PENDING' and (claimed_until is null or claimed_until < ?)")
                    .params(Timestamp.from(taken.plus(claim)), m.id(), Timestamp.from(taken)).update() == 1;
            if (!claimed) {
                continue; // another node has it
            }
            try {
                send(m);
                jdbc.sql("update outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = null where id = ?")
                        .params(Timestamp.from(Instant.now()), m.id()).update();
                delivered++;
            } catch (Exception e) {
                if (!running) {
                    break; // interrupted by the stop, not failed: the claim runs out and the message is sent again
                }
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

    /** Sends the message on its channel, its claim renewed every third of a claim until the channel answers. */
    private void send(Message m) throws Exception {
        Duration every = claim.dividedBy(3);
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(() -> jdbc.sql("update outbox set claimed_until = ? "
                        + "where id = ? and status = 'PENDING' and claimed_until is not null")
                .params(Timestamp.from(Instant.now().plus(claim)), m.id()).update(), Instant.now().plus(every), every);
        try {
            senders.get(m.channel()).send(m.key(), m.recipient(), m.subject(), m.body());
        } finally {
            renewal.cancel(false);
        }
    }
}
