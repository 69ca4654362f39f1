package io.muster.escalation;

import io.muster.escalation.messaging.AwsIncidentManagerStub;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The module's one extra application start, shared by the tests that need settings of their own: the AWS Incident
 * Manager mirror on (against its protocol stub), and a per-key event limit low enough to reach in a test.
 */
public class MirrorAndThrottleProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AwsIncidentManagerStub.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("muster.escalation.events-per-key-per-second", "2");
    }
}
