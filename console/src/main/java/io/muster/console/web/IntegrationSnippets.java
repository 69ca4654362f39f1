package io.muster.console.web;

import java.net.URI;

/**
 * Copy-paste configuration for pointing existing monitoring at Muster: an Alertmanager webhook receiver (the key is
 * the credential, in the URL) and a PagerDuty Events v2 call (the key is the routing key).
 */
final class IntegrationSnippets {

    private IntegrationSnippets() {
    }

    static String alertmanager(URI base, String key) {
        return """
                # alertmanager.yml
                route:
                  receiver: muster
                receivers:
                  - name: muster
                    webhook_configs:
                      - url: %s/api/v1/integrations/alertmanager/%s
                        send_resolved: true
                """.formatted(trim(base), key);
    }

    static String eventsV2(URI base, String key) {
        return """
                curl -X POST %s/v2/enqueue \\
                  -H 'Content-Type: application/json' \\
                  -d '{"routing_key":"%s","event_action":"trigger","dedup_key":"db-7-disk",
                       "payload":{"summary":"Disk full on db-7","source":"db-7","severity":"critical"}}'
                """.formatted(trim(base), key);
    }

    private static String trim(URI base) {
        String b = base.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
