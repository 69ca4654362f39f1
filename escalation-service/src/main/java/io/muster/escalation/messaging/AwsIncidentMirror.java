package io.muster.escalation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.muster.contracts.EventEnvelope;
import io.muster.contracts.Severity;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.escalation.config.EscalationConfig;
import io.muster.escalation.domain.AwsIncidentRecord;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.TimelineKind;
import io.muster.escalation.service.Timeline;
import io.muster.platform.messaging.InboundEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClient;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClientBuilder;
import software.amazon.awssdk.services.ssmincidents.model.IncidentRecordStatus;

/**
 * Mirrors Muster incidents into AWS Systems Manager Incident Manager: start incident, timeline events for
 * acknowledgement and escalation, resolve. It reads the lifecycle topic on a consumer group of its own, so escalation
 * never waits for AWS; a failed call is logged, counted and put on the incident's timeline, then skipped.
 */
@ApplicationScoped
public class AwsIncidentMirror {

    private static final Logger LOG = Logger.getLogger(AwsIncidentMirror.class);
    static final String CONSUMER = "escalation.aws-incident-mirror";

    @Inject
    InboundEvents inbound;

    @Inject
    EscalationConfig config;

    @Inject
    Timeline timeline;

    @Inject
    MeterRegistry registry;

    private volatile SsmIncidentsClient client;

    void start(@Observes StartupEvent event) {
        EscalationConfig.AwsIncidentManager aws = config.awsIncidentManager();
        if (aws.responsePlanArn().isEmpty()) {
            return;
        }
        SsmIncidentsClientBuilder builder = SsmIncidentsClient.builder()
                .region(Region.of(aws.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(10)));
        aws.endpointOverride().ifPresent(builder::endpointOverride);
        if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        client = builder.build();
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    @Incoming("incident-mirror")
    @Blocking
    public void onLifecycle(ConsumerRecord<String, String> record) {
        if (client == null) {
            return;
        }
        inbound.handle(CONSUMER, record, this::mirror, null);
    }

    void mirror(EventEnvelope envelope) {
        if (Incident.findById(UUID.fromString(envelope.key())) == null) {
            return; // not an incident of this database (a shared broker in tests; never in production)
        }
        try {
            Object payload = envelope.payload();
            if (payload instanceof IncidentTriggered t && !t.drill()) {
                started(t);
            } else if (payload instanceof IncidentAcknowledged a && !a.drill()) {
                note(a.incidentId(), envelope, "Acknowledged in Muster by " + a.acknowledgedBy());
            } else if (payload instanceof IncidentEscalated e && !e.drill()) {
                note(e.incidentId(), envelope,
                        "Escalated from stage " + e.fromStage() + " to " + e.toStage() + " (" + e.reason() + ")");
            } else if (payload instanceof IncidentSeverityChanged c && !c.drill()) {
                severityChanged(c, envelope);
            } else if (payload instanceof IncidentResolved r && !r.drill()) {
                resolved(r, envelope);
            }
        } catch (SdkException e) {
            // Never retried into a stall: the mirror is best effort, Muster's own record is the truth.
            registry.counter("muster.aws.incident.mirror.failures", "event", envelope.type()).increment();
            LOG.warnf("AWS Incident Manager mirror failed for %s %s: %s", envelope.type(), envelope.key(),
                    e.getMessage());
            timeline.record(UUID.fromString(envelope.key()), TimelineKind.MIRROR_FAILED, "aws-incident-manager",
                    envelope.type() + " was not mirrored: " + e.getMessage());
        }
    }

    private void started(IncidentTriggered t) {
        String arn = client.startIncident(r -> r
                .responsePlanArn(config.awsIncidentManager().responsePlanArn().get())
                .title(t.title())
                .impact(impactOf(t.severity()))
                .clientToken(t.incidentId().toString()))
                .incidentRecordArn();
        AwsIncidentRecord mirrored = new AwsIncidentRecord();
        mirrored.incidentId = t.incidentId();
        mirrored.recordArn = arn;
        mirrored.persist();
        timeline.record(t.incidentId(), TimelineKind.MIRRORED, "aws-incident-manager", "started " + arn);
    }

    private void note(UUID incidentId, EventEnvelope envelope, String text) {
        AwsIncidentRecord mirrored = AwsIncidentRecord.findById(incidentId);
        if (mirrored == null) {
            return;
        }
        client.createTimelineEvent(r -> r
                .incidentRecordArn(mirrored.recordArn)
                .clientToken(envelope.eventId().toString())
                .eventTime(envelope.occurredAt())
                .eventType("Custom Event")
                .eventData("\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    private void resolved(IncidentResolved r, EventEnvelope envelope) {
        AwsIncidentRecord mirrored = AwsIncidentRecord.findById(r.incidentId());
        if (mirrored == null) {
            return;
        }
        note(r.incidentId(), envelope, "Resolved in Muster by " + r.resolvedBy());
        client.updateIncidentRecord(u -> u
                .arn(mirrored.recordArn)
                .clientToken(envelope.eventId().toString() + "-resolve")
                .status(IncidentRecordStatus.RESOLVED));
    }

    /** The record's impact follows the severity, and the change is on its timeline. */
    private void severityChanged(IncidentSeverityChanged c, EventEnvelope envelope) {
        AwsIncidentRecord mirrored = AwsIncidentRecord.findById(c.incidentId());
        if (mirrored == null) {
            return;
        }
        note(c.incidentId(), envelope, "Severity " + c.from() + " -> " + c.to() + " in Muster by " + c.changedBy()
                + (c.rolesAdded().isEmpty() ? "" : "; paged " + String.join(", ", c.rolesAdded())));
        client.updateIncidentRecord(u -> u
                .arn(mirrored.recordArn)
                .clientToken(envelope.eventId().toString() + "-impact")
                .impact(impactOf(c.to())));
    }

    /** Incident Manager impact: 1 critical ... 5 no impact. */
    static int impactOf(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 1;
            case HIGH -> 2;
            case MEDIUM -> 3;
            case LOW -> 4;
        };
    }
}
