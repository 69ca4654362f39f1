package io.muster.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls to escalation-service's ingest endpoints, read from its Prometheus metrics: the HTTP server request counter
 * ({@code http_server_requests_seconds_count}) for each endpoint's URI template, all statuses summed, and the 429s
 * (throttled: the per-key token bucket said no) apart. Counts since that instance started; the service keeps no
 * per-key count, so these are per endpoint.
 */
record IngestCounts(String endpoint, String uri, long calls, long throttled) {

    static final String EVENTS_V2 = "/v2/enqueue";
    static final String ALERTMANAGER = "/api/v1/integrations/alertmanager/{integrationKey}";

    // Greedy up to the last "} value": a URI template's own braces ({integrationKey}) sit inside a label value.
    private static final Pattern SAMPLE = Pattern.compile("^http_server_requests_seconds_count\\{(.*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<IngestCounts> from(String metrics) {
        Map<String, long[]> byUri = new LinkedHashMap<>();
        byUri.put(EVENTS_V2, new long[2]);
        byUri.put(ALERTMANAGER, new long[2]);
        if (metrics != null) {
            for (String line : metrics.split("\n")) {
                Matcher sample = SAMPLE.matcher(line.strip());
                if (!sample.find()) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(1));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                long[] counts = byUri.get(labels.get("uri"));
                if (counts == null || !"POST".equals(labels.get("method"))) {
                    continue;
                }
                long value = (long) Double.parseDouble(sample.group(2));
                counts[0] += value;
                if ("429".equals(labels.get("status"))) {
                    counts[1] += value;
                }
            }
        }
        List<IngestCounts> result = new ArrayList<>();
        result.add(new IngestCounts("PagerDuty Events v2", EVENTS_V2, byUri.get(EVENTS_V2)[0], byUri.get(EVENTS_V2)[1]));
        result.add(new IngestCounts("Prometheus Alertmanager", ALERTMANAGER, byUri.get(ALERTMANAGER)[0],
                byUri.get(ALERTMANAGER)[1]));
        return result;
    }
}
