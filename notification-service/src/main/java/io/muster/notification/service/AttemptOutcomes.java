package io.muster.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.muster.contracts.ChannelType;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.AttemptState;
import io.muster.notification.domain.ChannelTest;
import io.muster.notification.domain.DeliveryAction;
import io.muster.notification.domain.DeliveryDecision;
import io.muster.notification.domain.MessagePurpose;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.RetryPolicy;
import io.muster.notification.domain.SendAttempt;
import io.muster.notification.persistence.PageDeliveries;
import io.muster.notification.persistence.SendAttempts;
import io.muster.notification.providers.SendResult;
import io.muster.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Records what became of each attempt and decides what follows: a retry with backoff on the same channel, the
 * next channel, or, when every channel of the person failed, {@code ALL_CHANNELS_FAILED} so escalation moves on.
 * Each decision commits together with its status event (outbox) and the next attempt row.
 */
@ApplicationScoped
public class AttemptOutcomes {

    private static final Logger LOG = Logger.getLogger(AttemptOutcomes.class);

    @Inject
    SendAttempts attempts;

    @Inject
    DeliveryProgress progress;

    @Inject
    PageDeliveries pages;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID attemptId, String provider, SendResult result) {
        SendAttempt attempt = attempts.lockForOutcome(attemptId);
        if (attempt == null || attempt.state != AttemptState.IN_FLIGHT) {
            // Taken over by recovery while the provider call hung past the lease; that decision stands.
            LOG.warnf("attempt %s finished after it was no longer in flight (%s)", attemptId,
                    attempt == null ? "gone" : attempt.state);
            return;
        }
        Instant now = clock.instant();
        attempt.finishedAt = now;
        if (result instanceof SendResult.Sent sent) {
            attempt.state = AttemptState.SENT;
            attempt.providerMessageId = sent.providerMessageId();
            onSent(attempt, now);
        } else if (result instanceof SendResult.Failed failed) {
            attempt.state = AttemptState.FAILED;
            attempt.error = truncate(failed.detail());
            failures(provider, failed.code()).increment();
            onFailed(attempt, failed.retryable(), now);
        }
    }

    private void onSent(SendAttempt attempt, Instant now) {
        if (attempt.purpose == MessagePurpose.CHANNEL_TEST) {
            ChannelTest.<ChannelTest>findByIdOptional(attempt.channelTestId).ifPresent(test -> test.sent(now));
        }
        List<PageDelivery> pages = pagesOf(attempt);
        for (PageDelivery page : pages) {
            latency(attempt.channelType).record(Duration.between(page.requestedAt, now));
            if (page.status != DeliveryStatus.ACKNOWLEDGED) {
                page.status = DeliveryStatus.SENT;
                page.updatedAt = now;
            }
            String detail = attempt.channelType == ChannelType.SMS ? "sns message id " + attempt.providerMessageId
                    : "message id " + attempt.providerMessageId;
            if (attempt.purpose == MessagePurpose.SMS_SUMMARY) {
                detail += ", in a summary of " + pages.size() + " pages";
            }
            outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId, attempt.channelType,
                    DeliveryStatus.SENT, attempt.attempt, detail, page.drill));
        }
    }

    private void onFailed(SendAttempt attempt, boolean retryable, Instant now) {
        List<PageDelivery> pages = pagesOf(attempt);
        for (PageDelivery page : pages) {
            outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId, attempt.channelType,
                    DeliveryStatus.FAILED, attempt.attempt, attempt.error, page.drill));
        }
        boolean allAcknowledged = !pages.isEmpty()
                && pages.stream().allMatch(p -> p.status == DeliveryStatus.ACKNOWLEDGED);
        if (allAcknowledged) {
            return;
        }
        Optional<DeliveryAction.RetryAt> retry = DeliveryDecision.retry(attempt.attempt, retryable, retryPolicy(), now,
                ThreadLocalRandom.current());
        if (retry.isPresent()) {
            attempts.insert(attempt.retry(retry.get().at()));
            return;
        }
        if (attempt.purpose == MessagePurpose.CHANNEL_TEST) {
            channelTestFailed(attempt, attempt.error);
        }
        for (PageDelivery page : pages) {
            if (page.status != DeliveryStatus.ACKNOWLEDGED) {
                progress.channelGaveUp(page, now);
            }
        }
    }

    /** The pages an attempt carries: its own page, every page of a summary, none for a verification code. */
    private List<PageDelivery> pagesOf(SendAttempt attempt) {
        return switch (attempt.purpose) {
            case PAGE -> List.of(pages.find(attempt.pageId));
            case SMS_SUMMARY -> pages.inSummary(attempt.messageKey);
            case VERIFICATION, CHANNEL_TEST -> List.of();
        };
    }

    /** Delay before retry number {@code failedAttempts}, as {@link RetryPolicy#delay} works it out. */
    public Duration backoff(int failedAttempts) {
        return retryPolicy().delay(failedAttempts, ThreadLocalRandom.current());
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(config.maxAttemptsPerChannel(), config.retryBaseDelay(), config.retryMaxDelay());
    }

    /**
     * Resolves attempts left in flight by a worker that died (lease expired). Email is sent again under the same
     * Message-ID, so a receiving system that already has it can tell it is the same message. SMS has no
     * idempotency key at SNS, so it is marked uncertain instead of being sent twice, and the page moves on to its
     * next channel as if this one had failed: a possible extra message beats a silently lost page.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int recoverAbandoned() {
        Instant now = clock.instant();
        List<SendAttempt> abandoned = attempts.abandoned(now.minus(config.inFlightLease()));
        for (SendAttempt attempt : abandoned) {
            attempt.state = AttemptState.UNCERTAIN;
            attempt.finishedAt = now;
            if (attempt.channelType == ChannelType.EMAIL) {
                attempt.error = "in flight when its worker stopped; sent again with the same Message-ID";
                SendAttempt again = attempt.retry(now);
                attempts.insert(again);
                continue;
            }
            attempt.error = "in flight when its worker stopped; SNS may or may not have sent it, not repeated";
            if (attempt.purpose == MessagePurpose.CHANNEL_TEST) {
                channelTestFailed(attempt, attempt.error);
            }
            for (PageDelivery page : pagesOf(attempt)) {
                outbox.publish(new PageStatusChanged(page.pageId, page.incidentId, page.contactId,
                        attempt.channelType, DeliveryStatus.FAILED, attempt.attempt, attempt.error, page.drill));
                if (page.status != DeliveryStatus.ACKNOWLEDGED) {
                    progress.channelGaveUp(page, now);
                }
            }
        }
        return abandoned.size();
    }

    private static void channelTestFailed(SendAttempt attempt, String reason) {
        ChannelTest.<ChannelTest>findByIdOptional(attempt.channelTestId).ifPresent(test -> test.failed(reason));
    }

    private Timer latency(ChannelType channel) {
        return Timer.builder("muster.page.request.to.send")
                .description("Time from the page request to the provider accepting the message")
                .tag("channel", channel.name().toLowerCase())
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter failures(String provider, String code) {
        return Counter.builder("muster.provider.failures")
                .description("Send attempts a provider refused or did not answer")
                .tag("provider", provider)
                .tag("code", code == null ? "unknown" : code)
                .register(registry);
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
