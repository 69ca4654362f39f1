package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.directory.domain.ContactChannel;
import io.muster.directory.domain.Person;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Asks notification-service to send a test page on one channel, so that an admin sees the channel reach its owner
 * on the real paging path. The request, its audit entry and the event commit together.
 */
@ApplicationScoped
public class ChannelTests {

    /** Channel types notification-service can send a test message on; voice and webhooks have no test message. */
    static final Set<ChannelType> TESTABLE = EnumSet.of(ChannelType.EMAIL, ChannelType.SMS);

    @Inject
    PeopleDirectory people;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A test page that was asked for. */
    public record Requested(UUID testId, UUID channelId, Instant requestedAt) {
    }

    @Transactional
    public Requested request(UUID personId, UUID channelId, String actor) {
        Person person = people.find(personId);
        ContactChannel channel = people.channelOf(personId, channelId);
        if (!TESTABLE.contains(channel.type)) {
            throw Refusal.unprocessable("channel-not-testable", "channelId",
                    "a test page can be sent on EMAIL and SMS channels only, not " + channel.type);
        }
        UUID testId = UUID.randomUUID();
        Instant now = clock.instant();
        // Unverified channels may be tested too: that is how an admin checks an address before the code comes back.
        outbox.publish(new ChannelTestRequested(testId, person.id, channel.id, channel.type, channel.address, actor,
                now));
        audit.record("channel", channel.id, "test-requested", actor, null,
                new TestState(testId, channel.type.name(), now));
        return new Requested(testId, channel.id, now);
    }

    /** The audit's view of a test page request. */
    record TestState(UUID testId, String channelType, Instant requestedAt) {
    }
}
