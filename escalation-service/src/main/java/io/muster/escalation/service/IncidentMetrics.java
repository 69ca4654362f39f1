package io.muster.escalation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.muster.escalation.domain.Incident;
import io.muster.escalation.domain.ResponsePlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * Time to first acknowledgement and time to resolve, per severity and plan, as histograms. Drills are left out:
 * they measure the drill, not the response. Recorded only when the transaction commits.
 */
@ApplicationScoped
public class IncidentMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    void acknowledged(Incident incident, Instant at) {
        record("muster.incident.time.to.ack", incident, Duration.between(incident.createdAt, at));
    }

    void resolved(Incident incident, Instant at) {
        record("muster.incident.time.to.resolve", incident, Duration.between(incident.createdAt, at));
    }

    /** Every required role engaged: the figure SEC10 cares about more than the first acknowledgement. */
    void engaged(Incident incident, Instant at) {
        record("muster.incident.time.to.engaged", incident, Duration.between(incident.createdAt, at));
    }

    /**
     * The incident left a phase after {@code elapsed}: {@code muster_incident_phase_seconds{phase,severity}}, the
     * severity it had when it left. Drills are left out.
     */
    void leftPhase(Incident incident, io.muster.contracts.incidents.IncidentPhase phase, Duration elapsed) {
        if (incident.drill) {
            return;
        }
        Timer timer = Timer.builder("muster.incident.phase")
                .description("Time incidents spent in each incident-response phase (drills excluded)")
                .tag("phase", phase.name())
                .tag("severity", incident.severity.name())
                .publishPercentileHistogram()
                .register(registry);
        afterCommit(() -> timer.record(elapsed.isNegative() ? Duration.ZERO : elapsed));
    }

    /** A role was to be paged and nobody who could answer for it could be reached (drills counted too). */
    void roleUnreachable(Incident incident, String roleKey) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter
                .builder("muster.role.unreachable").tag("role", roleKey).tag("drill", Boolean.toString(incident.drill))
                .register(registry);
        afterCommit(counter::increment);
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private void record(String name, Incident incident, Duration elapsed) {
        if (incident.drill) {
            return;
        }
        String plan = planName(incident);
        Timer timer = Timer.builder(name)
                .tag("severity", incident.severity.name())
                .tag("plan", plan)
                .publishPercentileHistogram()
                .register(registry);
        afterCommit(() -> timer.record(elapsed.isNegative() ? Duration.ZERO : elapsed));
    }

    private static String planName(Incident incident) {
        if (incident.planId == null) {
            return "none";
        }
        ResponsePlan plan = ResponsePlan.findById(incident.planId);
        return plan == null ? "none" : plan.incidentType + "/" + plan.severity;
    }
}
