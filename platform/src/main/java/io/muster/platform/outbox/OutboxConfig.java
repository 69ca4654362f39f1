package io.muster.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "muster.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /** How often to look for rows when no commit has signalled; commits in this instance wake the relay at once. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Kafka bootstrap servers. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();
}
