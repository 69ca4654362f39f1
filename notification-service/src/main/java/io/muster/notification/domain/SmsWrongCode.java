package io.muster.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One wrong ack code a phone number sent; see {@link SmsReplyGuard}. */
@Entity
@Table(name = "sms_wrong_code")
public class SmsWrongCode extends PanacheEntityBase {

    @Id
    public UUID id;

    public String phone;

    @Column(name = "received_at")
    public Instant receivedAt;

    static void record(String phone, Instant at) {
        SmsWrongCode wrong = new SmsWrongCode();
        wrong.id = UUID.randomUUID();
        wrong.phone = phone;
        wrong.receivedAt = at;
        wrong.persist();
    }
}
