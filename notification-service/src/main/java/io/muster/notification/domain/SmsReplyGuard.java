package io.muster.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many wrong ack codes one phone number sent lately, and until when its SMS acks are locked. A reply takes the
 * number's row lock first, so replies from one number are judged one at a time across replicas.
 */
@Entity
@Table(name = "sms_reply_guard")
public class SmsReplyGuard extends PanacheEntityBase {

    @Id
    public String phone;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The number's row, created if this is its first reply, locked until the transaction ends. */
    public static SmsReplyGuard lockFor(String phone, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO sms_reply_guard (phone, updated_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (phone) DO NOTHING")
                .setParameter(1, phone).setParameter(2, now).executeUpdate();
        return findById(phone, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Records a wrong code at {@code now}. When it makes {@code limit.maxWrongCodes()} within the window, the number
     * is locked for {@code limit.lockout()} and its count starts again from zero; returns the end of that lockout.
     */
    public Optional<Instant> wrongCode(Instant now, Limit limit) {
        updatedAt = now;
        SmsWrongCode.delete("phone = ?1 and receivedAt <= ?2", phone, now.minus(limit.window()));
        SmsWrongCode.record(phone, now);
        long recent = SmsWrongCode.count("phone = ?1", phone);
        if (recent < limit.maxWrongCodes()) {
            return Optional.empty();
        }
        SmsWrongCode.delete("phone", phone);
        lockedUntil = now.plus(limit.lockout());
        return Optional.of(lockedUntil);
    }

    /** At most {@code maxWrongCodes} wrong codes within {@code window}; then no SMS acks for {@code lockout}. */
    public record Limit(int maxWrongCodes, Duration window, Duration lockout) {
    }
}
