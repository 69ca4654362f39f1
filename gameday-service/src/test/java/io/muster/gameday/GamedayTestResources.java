package io.muster.gameday;

import io.muster.testsupport.MusterTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test in this module runs against the shared real PostgreSQL, Kafka broker and OIDC server, and a real SMTP
 * server (GreenMail).
 */
@QuarkusTestResource(value = MusterTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "gameday"))
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
public final class GamedayTestResources {
    private GamedayTestResources() {
    }
}
