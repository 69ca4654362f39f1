package io.muster.notification.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.ChannelTestStatus;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Test pages on one contact channel, asked for by the directory: recorded once per test id (a redelivered request
 * sends nothing new) and queued like a verification code, so the test goes out on the real sending path.
 * {@link AttemptOutcomes} records what became of it.
 */
@ApplicationScoped
public class ChannelTests {

    private static final Logger LOG = Logger.getLogger(ChannelTests.class);

    /** A test proves a person can be reached; webhooks reach machines and have their own delivery checks. */
    static final Set<ChannelType> TESTABLE = Set.of(ChannelType.SMS, ChannelType.EMAIL);

    @Inject
    SendQueue queue;

    @Inject
    Clock clock;

    /** Handles one {@link ChannelTestRequested} (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(ChannelTestRequested request) {
        if (ChannelTest.findById(request.testId()) != null) {
            return; // the same test again: it was queued (or refused) the first time
        }
        ChannelTest test = new ChannelTest();
        test.testId = request.testId();
        test.contactId = request.contactId();
        test.channelId = request.channelId();
        test.channelType = request.channelType();
        test.requestedBy = request.requestedBy();
        test.requestedAt = request.requestedAt() != null ? request.requestedAt() : clock.instant();
        test.status = ChannelTestStatus.PENDING;
        if (!TESTABLE.contains(request.channelType())) {
            LOG.warnf("channel test %s is for a %s channel; test pages go to SMS and email only", request.testId(),
                    request.channelType());
            test.failed("test pages go to SMS and email channels only, not " + request.channelType());
        } else if (request.address() == null || request.address().isBlank()) {
            test.failed("the request carries no address");
        }
        test.persist();
        if (test.status == ChannelTestStatus.PENDING) {
            queue.enqueueChannelTest(test, request.address());
        }
    }

    @Transactional
    public ChannelTest get(UUID testId) {
        ChannelTest test = ChannelTest.findById(testId);
        if (test == null) {
            throw Refusal.notFound("Channel test", testId);
        }
        return test;
    }
}
