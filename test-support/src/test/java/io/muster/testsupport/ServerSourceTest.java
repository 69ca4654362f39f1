package io.muster.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ServerSourceTest {

    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("Docker was asked although the choice was forced");
    };

    @Test
    void autoTakesContainersWhenDockerAnswersAndTheEmbeddedServersOtherwise() {
        assertThat(ServerSource.choose(null, NO_DOCKER).source()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(ServerSource.choose(" ", NO_DOCKER).why()).contains("no Docker engine answers")
                .contains("MUSTER_TEST_SERVERS=containers");
        assertThat(ServerSource.choose("auto", DOCKER).source()).isEqualTo(ServerSource.CONTAINERS);
        assertThat(ServerSource.choose("AUTO", DOCKER).why()).contains("MUSTER_TEST_SERVERS=embedded");
    }

    @Test
    void embeddedIsForcedWithoutAskingDockerAndContainersWithoutDockerIsAClearFailure() {
        assertThat(ServerSource.choose("embedded", NOT_ASKED).source()).isEqualTo(ServerSource.EMBEDDED);
        assertThat(ServerSource.choose("containers", DOCKER).source()).isEqualTo(ServerSource.CONTAINERS);
        assertThatThrownBy(() -> ServerSource.choose("containers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MUSTER_TEST_SERVERS=containers, but no Docker engine answers");
        assertThatThrownBy(() -> ServerSource.choose("docker", DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MUSTER_TEST_SERVERS (or -Dmuster.test.servers) must be auto, embedded or containers,"
                        + " not 'docker'");
    }

    @Test
    void withoutAnySignOfADockerEngineTheProbeSaysNoAtOnce() {
        Assumptions.assumeFalse(ServerSource.signOfDocker(), "this machine shows signs of a Docker engine");
        assertThat(ServerSource.dockerAnswers()).isFalse();
        assertThat(MusterServers.source()).as("the choice this JVM made").isEqualTo(
                ServerSource.choose(ServerSource.requested(), NO_DOCKER).source());
    }

    @Test
    void theKafkaContainerRunsTheBrokerVersionTheClientsAreBuiltAgainst() {
        assertThat(ContainerServers.kafkaImage()).matches("apache/kafka:4\\.\\d+\\.\\d+");
        assertThat(ContainerServers.POSTGRES_IMAGE).startsWith("postgres:17");
    }
}
