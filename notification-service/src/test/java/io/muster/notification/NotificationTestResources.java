package io.muster.notification;

import io.muster.testsupport.MusterTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test in this module runs against the shared real PostgreSQL, Kafka broker and OIDC server, and the
 * provider stand-ins (GreenMail SMTP, WireMock speaking SNS, a WireMock webhook receiver over TLS).
 */
@QuarkusTestResource(value = MusterTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(value = ProviderStandIns.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WebhookReceiver.class, restrictToAnnotatedClass = false)
public final class NotificationTestResources {
    private NotificationTestResources() {
    }
}
