package io.muster.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.platform.problem.Problem;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoredValueRefusalTest {

    @Test
    void aCheckConstraintNamesTheColumnAsAField() {
        SQLException check = new SQLException("ERROR: new row for relation \"external_resource\" violates check "
                + "constraint \"external_resource_response_sla_minutes_check\"", "23514");
        Problem problem = StoredValueRefusal.of(new IllegalStateException("flush failed", new RuntimeException(check)));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("responseSlaMinutes");
    }

    @Test
    void aNamedConstraintOrADataExceptionNamesTheRequest() {
        assertThat(StoredValueRefusal.of(new SQLException("new row for relation \"rotation\" violates check "
                + "constraint \"members_distinct\"", "23514")).errors().get(0).field()).isEqualTo("request");
        assertThat(StoredValueRefusal.of(new SQLException("date/time field value out of range", "22008")).status())
                .isEqualTo(400);
    }

    @Test
    void otherFailuresAreNotTheCallersFault() {
        assertThat(StoredValueRefusal.of(new SQLException("connection refused", "08001"))).isNull();
        assertThat(StoredValueRefusal.of(new SQLException("duplicate key", "23505"))).isNull();
        assertThat(StoredValueRefusal.of(new IllegalStateException("bug"))).isNull();
    }
}
