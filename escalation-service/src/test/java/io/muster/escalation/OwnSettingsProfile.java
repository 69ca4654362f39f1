package io.muster.escalation;

import io.muster.escalation.messaging.AwsIncidentManagerStub;
import io.muster.testsupport.TestCertificates;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The module's one extra application start, shared by the tests that need settings of their own: the AWS Incident
 * Manager mirror on (against its protocol stub), a per-key event limit low enough to reach in a test, HTTPS served
 * from the TLS registry's default key store next to plain HTTP, and the stage-timer poller running on its own as in
 * production (elsewhere tests poll by hand). None of these tests moves the clock but the timer loop's, so the loop
 * fires nothing the others raise.
 */
public class OwnSettingsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AwsIncidentManagerStub.class),
                new TestResourceEntry(TestCertificates.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("muster.escalation.events-per-key-per-second", "2",
                "muster.escalation.timer-poll-every", "250ms");
    }
}
