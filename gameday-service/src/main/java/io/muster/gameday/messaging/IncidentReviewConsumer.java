package io.muster.gameday.messaging;

import io.muster.gameday.service.IncidentReviews;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows real incidents on muster.incidents.v1 for their post-incident reviews (its own consumer group, beside the
 * drill consumer's): drill events are passed over without touching the database.
 */
@ApplicationScoped
public class IncidentReviewConsumer {

    static final String CONSUMER = "gameday.incident-reviews";

    @Inject
    InboundEvents inbound;

    @Inject
    IncidentReviews reviews;

    @Incoming("incident-reviews")
    @Blocking
    public void onIncidentEvent(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, IncidentReviews::isRealIncidentEvent, reviews::apply, null);
    }
}
