package io.muster.escalation;

import io.muster.testsupport.MusterTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test in this module runs against the shared real PostgreSQL, Kafka broker and OIDC server. */
@QuarkusTestResource(value = MusterTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "escalation"))
public final class EscalationTestResources {
    private EscalationTestResources() {
    }
}
