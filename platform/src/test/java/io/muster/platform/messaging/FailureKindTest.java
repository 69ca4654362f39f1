package io.muster.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void aDatabaseOrBrokerAwayIsTransientWhereverItSitsInTheCauseChain() {
        assertThat(FailureKind.of(new IllegalStateException("cannot record processed event",
                new SQLException("Connection to localhost:15432 refused", "08001", new ConnectException()))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RuntimeException(new SQLTransientConnectionException("pool closed"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new TimeoutException("Topic not present in metadata after 5000 ms")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void lockTimeoutsSerializationFailuresAndDeadlocksAreTransient() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57P01", "57P03", "53300"}) {
            assertThat(FailureKind.of(new RuntimeException(new SQLException("conflict", state)))).as(state)
                    .isEqualTo(FailureKind.TRANSIENT);
        }
    }

    @Test
    void bugsAndDataTheDatabaseRefusesAreUnexpected() {
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.UNEXPECTED);
        assertThat(FailureKind.of(new IllegalStateException("no such stage"))).isEqualTo(FailureKind.UNEXPECTED);
        // unique violation, value too long, invalid text: retrying changes nothing
        for (String state : new String[] {"23505", "22001", "22021", "42P01"}) {
            assertThat(FailureKind.of(new RuntimeException(new SQLException("refused", state)))).as(state)
                    .isEqualTo(FailureKind.UNEXPECTED);
        }
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(FailureKind.of(b)).isEqualTo(FailureKind.UNEXPECTED);
    }
}
