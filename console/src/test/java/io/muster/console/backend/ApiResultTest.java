package io.muster.console.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ApiResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aProblemIsToldInTheServicesOwnWordsWithTheFieldsItNamed() throws Exception {
        ApiResult r = new ApiResult(Backend.ESCALATION, 400, JSON.readTree("""
                {"type":"https://muster.dev/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"2 fields are wrong","errors":[{"field":"title","message":"must not be blank"},
                 {"field":"severity","message":"is not one of CRITICAL, HIGH, MEDIUM, LOW"}]}"""));
        assertThat(r.ok()).isFalse();
        assertThat(r.failure()).isEqualTo("Invalid request: 2 fields are wrong (title must not be blank; "
                + "severity is not one of CRITICAL, HIGH, MEDIUM, LOW)");
        assertThat(r.rows()).isEmpty();
        assertThat(r.object()).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedAndARefusalSaysWhy() throws Exception {
        assertThat(ApiResult.unreachable(Backend.DIRECTORY).failure())
                .isEqualTo("directory-service is not answering; the rest of the page is current");
        assertThat(new ApiResult(Backend.GAMEDAY, 403, null).failure()).isEqualTo("Your role may not do this");
        assertThat(new ApiResult(Backend.GAMEDAY, 502, null).failure()).isEqualTo("gameday-service answered 502");
    }

    @Test
    void aSuccessfulBodyReadsAsMapsAndLists() throws Exception {
        ApiResult list = new ApiResult(Backend.ESCALATION, 200, JSON.readTree("[{\"id\":\"a\",\"n\":1}]"));
        assertThat(list.failure()).isNull();
        assertThat(list.rows()).containsExactly(Map.of("id", "a", "n", 1));
        ApiResult one = new ApiResult(Backend.ESCALATION, 200, JSON.readTree("{\"id\":\"a\"}"));
        assertThat(one.object()).containsEntry("id", "a");
        assertThat(one.rows()).isEmpty();
    }

    @Test
    void queryValuesAreEncodedAndEmptyOnesLeftOut() {
        java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
        q.put("incidentType", "data breach & more");
        q.put("severity", "");
        q.put("drill", null);
        q.put("limit", 100);
        assertThat(ServiceApi.queryString(q)).isEqualTo("?incidentType=data+breach+%26+more&limit=100");
        assertThat(ServiceApi.queryString(Map.of())).isEmpty();
        assertThat(ServiceApi.segment("a/../b c")).isEqualTo("a%2F..%2Fb%20c");
    }
}
