package io.muster.bench;

import io.muster.standin.HttpJson;
import io.muster.standin.MailStandIn;
import io.muster.standin.SnsStandIn;
import java.time.Duration;

/** The bench's client of the local run's APIs and stand-ins (its tokens come from {@code LocalKeycloak}). */
final class Api {

    /** The integration key the local runner seeds into escalation-service (deploy/local/muster). */
    static final String INTEGRATION_KEY = "5e3d1c0ffee0ddba11c0ffee0ddba11c";

    /* A long timeout: under load a raise may wait behind many others, and that wait is what the bench measures. */
    static final HttpJson HTTP = new HttpJson(Duration.ofSeconds(60));
    static final SnsStandIn SNS = new SnsStandIn(HTTP);
    static final MailStandIn MAIL = new MailStandIn(HTTP);

    private Api() {
    }
}
