package io.muster.directory.service;

import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.directory.config.DirectoryConfig;
import io.muster.directory.domain.ChannelVerification;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.SupportedChannels;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.outbox.Outbox;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Proves that a channel reaches its owner: a random six-digit code goes out through notification-service, and the
 * channel counts as verified once the code comes back before it expires and within the attempt limit.
 */
@ApplicationScoped
public class ChannelVerifications {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PeopleDirectory people;

    @Inject
    DirectoryEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    DirectoryConfig config;

    @Inject
    Clock clock;

    /** A code that went out. */
    public record Started(UUID verificationId, UUID channelId, Instant expiresAt) {
    }

    /** What became of a confirmation attempt. Attempts are counted even when the code is wrong. */
    public enum Outcome {
        CONFIRMED, WRONG_CODE, EXPIRED, LOCKED, NOTHING_PENDING, ALREADY_VERIFIED
    }

    public record Confirmation(Outcome outcome, int attemptsLeft) {
    }

    @Transactional
    public Started start(UUID personId, UUID channelId, String actor) {
        Person person = people.find(personId);
        ContactChannel channel = people.channelOf(personId, channelId);
        if (channel.verified()) {
            throw Refusal.conflict("already-verified", "channelId", "the channel is already verified");
        }
        SupportedChannels.problemWith(channel.type).ifPresent(message -> {
            throw Refusal.unprocessable(SupportedChannels.REFUSAL, "channelId", message);
        });
        return startFor(person, channel, actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Started startFor(Person person, ContactChannel channel, String actor) {
        ChannelVerification.update("status = ?1 where channelId = ?2 and status = ?3",
                ChannelVerification.Status.SUPERSEDED, channel.id, ChannelVerification.Status.PENDING);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        ChannelVerification verification = new ChannelVerification();
        verification.id = UUID.randomUUID();
        verification.channelId = channel.id;
        verification.codeSalt = Base64.getEncoder().encodeToString(saltBytes);
        verification.codeHash = hash(verification.codeSalt, code);
        verification.createdAt = clock.instant();
        verification.expiresAt = verification.createdAt.plus(config.verificationTtl());
        verification.attempts = 0;
        verification.maxAttempts = config.verificationMaxAttempts();
        verification.status = ChannelVerification.Status.PENDING;
        verification.persist();
        // The code travels only in this event, to the one service that sends messages; it is never stored.
        outbox.publish(new ChannelVerificationRequested(verification.id, person.id, channel.id, channel.type,
                channel.address, code, verification.expiresAt));
        audit.record("channel", channel.id, "verification-requested", actor, null,
                new VerificationState(verification.id, channel.type.name(), verification.expiresAt));
        return new Started(verification.id, channel.id, verification.expiresAt);
    }

    /** The audit's view of a verification: never the code or its hash. */
    record VerificationState(UUID verificationId, String channelType, Instant expiresAt) {
    }

    @Transactional
    public Confirmation confirm(UUID personId, UUID channelId, String code, String actor) {
        Person person = people.find(personId);
        ContactChannel channel = people.channelOf(personId, channelId);
        if (channel.verified()) {
            return new Confirmation(Outcome.ALREADY_VERIFIED, 0);
        }
        ChannelVerification verification = ChannelVerification.latestFor(channelId);
        if (verification == null || verification.status == ChannelVerification.Status.SUPERSEDED
                || verification.status == ChannelVerification.Status.CONFIRMED) {
            return new Confirmation(Outcome.NOTHING_PENDING, 0);
        }
        if (verification.status == ChannelVerification.Status.LOCKED) {
            return new Confirmation(Outcome.LOCKED, 0);
        }
        Instant now = clock.instant();
        if (verification.status == ChannelVerification.Status.EXPIRED || !now.isBefore(verification.expiresAt)) {
            verification.status = ChannelVerification.Status.EXPIRED;
            return new Confirmation(Outcome.EXPIRED, 0);
        }
        verification.attempts++;
        if (!MessageDigest.isEqual(hash(verification.codeSalt, code).getBytes(StandardCharsets.US_ASCII),
                verification.codeHash.getBytes(StandardCharsets.US_ASCII))) {
            int left = verification.maxAttempts - verification.attempts;
            if (left <= 0) {
                verification.status = ChannelVerification.Status.LOCKED;
                return new Confirmation(Outcome.LOCKED, 0);
            }
            return new Confirmation(Outcome.WRONG_CODE, left);
        }
        PersonState beforeState = PersonState.of(people.details(person));
        verification.status = ChannelVerification.Status.CONFIRMED;
        channel.verifiedAt = now;
        people.touch(person);
        ContactDetails after = people.details(person);
        audit.record(PeopleDirectory.AUDIT_PERSON, personId, "channel-verified", actor, beforeState,
                PersonState.of(after));
        events.contactChanged(person, after.channels());
        return new Confirmation(Outcome.CONFIRMED, verification.maxAttempts - verification.attempts);
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
