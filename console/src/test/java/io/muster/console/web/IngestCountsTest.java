package io.muster.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IngestCountsTest {

    private static final String METRICS = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds summary
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="202",uri="/v2/enqueue"} 7.0
            http_server_requests_seconds_sum{method="POST",outcome="SUCCESS",status="202",uri="/v2/enqueue"} 0.31
            http_server_requests_seconds_count{method="POST",outcome="CLIENT_ERROR",status="429",uri="/v2/enqueue"} 3.0
            http_server_requests_seconds_count{method="POST",outcome="CLIENT_ERROR",status="400",uri="/v2/enqueue"} 1.0
            http_server_requests_seconds_count{method="GET",outcome="CLIENT_ERROR",status="405",uri="/v2/enqueue"} 5.0
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/api/v1/integrations/alertmanager/{integrationKey}"} 2.0
            http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/api/v1/incidents"} 40.0
            """;

    @Test
    void callsAreEveryPostToTheEndpointAndThrottledAreThe429s() {
        List<IngestCounts> counts = IngestCounts.from(METRICS);

        // Events v2: 7 accepted + 3 throttled + 1 refused = 11 POSTs; the GET and the native API are not counted.
        assertThat(counts).containsExactly(
                new IngestCounts("PagerDuty Events v2", "/v2/enqueue", 11, 3),
                new IngestCounts("Prometheus Alertmanager", "/api/v1/integrations/alertmanager/{integrationKey}", 2,
                        0));
    }

    @Test
    void noSamplesYetMeansZeroNotMissing() {
        assertThat(IngestCounts.from("# nothing yet\n")).extracting(IngestCounts::calls).containsExactly(0L, 0L);
        assertThat(IngestCounts.from(null)).hasSize(2);
    }
}
