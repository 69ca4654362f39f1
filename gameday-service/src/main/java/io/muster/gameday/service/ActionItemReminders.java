package io.muster.gameday.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.muster.gameday.config.GamedayConfig;
import io.muster.gameday.domain.ActionItem;
import io.muster.gameday.domain.ContactReplica;
import io.muster.gameday.domain.Review;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Emails the owner of every open action item past its due date, at most once per item and calendar day (in
 * {@code muster.gameday.reminders.zone}), across replicas and restarts.
 *
 * <p>The durable state is the item's {@code last_reminded_on}. A pass claims one due item at a time with
 * {@code FOR UPDATE SKIP LOCKED}, sends while holding the row and records the day in the same transaction, as
 * {@link ParticipantMailer} sends: a replica that dies mid-send rolls back and the next pass (of any replica) sends
 * it, and a second replica skips the locked row and then finds it reminded. A failed send leaves the day unrecorded,
 * so a later pass that day tries again. Owners without a verified email address (or no longer in the directory) are
 * recorded as reminded for the day with nothing sent, and counted.
 *
 * <p>Every outcome is counted in {@code muster_action_item_reminders_total} ({@code outcome} = sent, failed,
 * no_address) and logged.
 */
@ApplicationScoped
public class ActionItemReminders {

    private static final Logger LOG = Logger.getLogger(ActionItemReminders.class);
    private static final int MAX_PER_PASS = 100;

    public enum Outcome {
        SENT, FAILED, NO_ADDRESS
    }

    @Inject
    EntityManager em;

    @Inject
    ReviewBook reviews;

    @Inject
    GamedayConfig config;

    @Inject
    Mailer mailer;

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${muster.gameday.reminders.check-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "10s")
    void onTick() {
        remindOverdue();
    }

    /** Reminds the owners of every overdue item not yet reminded today; returns how many items were handled. */
    public int remindOverdue() {
        Set<UUID> tried = new HashSet<>();
        for (int i = 0; i < MAX_PER_PASS; i++) {
            Optional<UUID> handled = QuarkusTransaction.requiringNew().call(() -> remindOne(tried));
            if (handled.isEmpty()) {
                break;
            }
            tried.add(handled.get());
        }
        return tried.size();
    }

    private Optional<UUID> remindOne(Set<UUID> tried) {
        LocalDate today = reviews.today();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM action_item
                WHERE status = 'OPEN' AND owner_contact_id IS NOT NULL AND due_date < ?1
                  AND (last_reminded_on IS NULL OR last_reminded_on < ?1) AND NOT (id = ANY (?2))
                ORDER BY due_date, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, today).setParameter(2, tried.toArray(UUID[]::new)).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        ActionItem item = ActionItem.findById(due.get(0));
        Review review = Review.findById(item.reviewId);
        ContactReplica owner = ContactReplica.findById(item.ownerContactId);
        Optional<String> address = owner == null ? Optional.empty() : owner.emailAddress();
        Outcome outcome;
        if (address.isEmpty()) {
            outcome = Outcome.NO_ADDRESS;
            item.lastRemindedOn = today;
            LOG.warnf("action item %s is overdue but its owner %s has no verified email address", item.id,
                    item.ownerContactId);
        } else {
            long daysLate = ChronoUnit.DAYS.between(item.dueDate, today);
            try {
                mailer.send(Mail.withText(address.get(), "Overdue action item: " + item.title,
                        body(owner.displayName, item, review, daysLate))
                        .setFrom(config.mail().from())
                        .addHeader("Message-ID", ParticipantMailer.messageId(
                                "action-item-reminder-" + item.id + "-" + today)));
                outcome = Outcome.SENT;
                item.lastRemindedOn = today;
                item.remindersSent++;
                LOG.infof("reminded %s of action item %s, %d days overdue", item.ownerContactId, item.id, daysLate);
            } catch (RuntimeException e) {
                outcome = Outcome.FAILED;
                LOG.warnf("reminder of action item %s to %s not sent: %s", item.id, item.ownerContactId, e.toString());
            }
        }
        registry.counter("muster.action.item.reminders", "outcome", outcome.name().toLowerCase()).increment();
        return Optional.of(item.id);
    }

    static String body(String name, ActionItem item, Review review, long daysLate) {
        String from = review.source == Review.Source.INCIDENT ? "the review of incident \"" + review.title + "\""
                : "the lessons of game day \"" + review.title + "\"";
        return """
                Hello %s,

                The action item "%s" from %s was due on %s and is still open (%d %s overdue).

                Please finish it and mark it done: POST /api/v1/action-items/%s/done, or in the review's lessons.
                You will be reminded once a day while it stays open.

                -- Muster
                """.formatted(name, item.title, from, item.dueDate, daysLate, daysLate == 1 ? "day" : "days",
                item.id);
    }
}
