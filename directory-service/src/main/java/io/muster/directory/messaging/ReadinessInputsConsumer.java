package io.muster.directory.messaging;

import io.muster.contracts.EventEnvelope;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.plans.PlanDocumentStatus;
import io.muster.directory.domain.ActionItemReplica;
import io.muster.directory.domain.PlanDocumentReplica;
import io.muster.directory.service.ReadinessRefresh;
import io.muster.platform.messaging.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local copies readiness reports on from what other services publish: the action items of game day and
 * incident reviews ({@code muster.gameday.v1}) and the plan document's status ({@code muster.plans.v1}). Each event
 * is applied once (platform idempotent consumer); an older snapshot arriving after a newer one changes nothing; a
 * tombstone deletes. The findings are rechecked after each record.
 */
@ApplicationScoped
public class ReadinessInputsConsumer {

    static final String ACTION_ITEMS = "directory.action-items";
    static final String PLAN = "directory.plan-status";
    /** How {@link ActionItemSnapshot#keyOf} keys an item. */
    private static final String ACTION_ITEM_PREFIX = "action-item:";

    @Inject
    InboundEvents inbound;

    @Inject
    ReadinessRefresh refresh;

    @Incoming("gameday")
    @Blocking
    public void onGameDayRecord(ConsumerRecord<String, String> record) {
        // The topic also carries game day runs; only action items (and their tombstones) matter here.
        if (record.value() == null && (record.key() == null || !record.key().startsWith(ACTION_ITEM_PREFIX))) {
            return;
        }
        inbound.handle(ACTION_ITEMS, record, e -> e.payload() instanceof ActionItemSnapshot, this::applyActionItem,
                this::removeActionItem);
        refresh.soon();
    }

    @Incoming("plans")
    @Blocking
    public void onPlanRecord(ConsumerRecord<String, String> record) {
        inbound.handle(PLAN, record, e -> e.payload() instanceof PlanDocumentStatus, this::applyPlan,
                key -> PlanDocumentReplica.deleteById(key));
        refresh.soon();
    }

    void applyActionItem(EventEnvelope envelope) {
        ActionItemSnapshot item = (ActionItemSnapshot) envelope.payload();
        ActionItemReplica copy = ActionItemReplica.findById(item.actionItemId());
        if (copy == null) {
            copy = new ActionItemReplica();
            copy.actionItemId = item.actionItemId();
        } else if (copy.updatedAt != null && copy.updatedAt.isAfter(envelope.occurredAt())) {
            return; // an older snapshot replayed after a newer one
        }
        copy.source = item.source() == null ? ActionItemSnapshot.Source.GAME_DAY_RUN.name() : item.source().name();
        copy.sourceId = item.sourceId();
        copy.sourceTitle = item.sourceTitle();
        copy.title = item.title() == null || item.title().isBlank() ? "(untitled action item)" : item.title();
        copy.ownerContactId = item.ownerContactId();
        copy.dueOn = item.dueOn();
        copy.status = item.status() == null ? ActionItemSnapshot.Status.OPEN.name() : item.status().name();
        copy.updatedAt = envelope.occurredAt();
        copy.persist();
    }

    void removeActionItem(String key) {
        UUID id;
        try {
            id = UUID.fromString(key.substring(ACTION_ITEM_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return; // not an action item's key: nothing of ours to delete
        }
        ActionItemReplica.deleteById(id);
    }

    void applyPlan(EventEnvelope envelope) {
        PlanDocumentStatus status = (PlanDocumentStatus) envelope.payload();
        PlanDocumentReplica copy = PlanDocumentReplica.findById(PlanDocumentStatus.KEY);
        if (copy == null) {
            copy = new PlanDocumentReplica();
            copy.planKey = PlanDocumentStatus.KEY;
        } else if (copy.updatedAt != null && copy.updatedAt.isAfter(envelope.occurredAt())) {
            return; // an older status replayed after a newer one
        }
        copy.publishedVersion = status.publishedVersion();
        copy.publishedAt = status.publishedAt();
        copy.approvedBy = status.approvedBy();
        copy.reviewDueOn = status.reviewDueOn();
        copy.updatedAt = envelope.occurredAt();
        copy.persist();
    }
}
