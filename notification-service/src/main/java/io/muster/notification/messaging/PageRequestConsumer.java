package io.muster.notification.messaging;

import io.muster.notification.service.PageIntake;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

@ApplicationScoped
public class PageRequestConsumer {

    static final String CONSUMER = "notification.page-intake";

    @Inject
    InboundEvents inbound;

    @Inject
    PageIntake intake;

    @Incoming("pages-requested")
    @Blocking
    public void onPageRequested(ConsumerRecord<String, String> record) {
        inbound.handle(CONSUMER, record, intake::accept, null);
    }
}
