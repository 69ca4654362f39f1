package io.muster.gameday.service;

import io.muster.gameday.config.GamedayConfig;
import io.muster.gameday.domain.ContactReplica;
import io.muster.gameday.domain.DrillObservation;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.domain.GameDayRun;
import io.muster.gameday.domain.Observation;
import io.muster.gameday.domain.ParticipantMail;
import io.muster.gameday.domain.ParticipantMessages;
import io.muster.gameday.domain.Scenario;
import io.muster.gameday.domain.ScenarioInject;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Email to participants: notices before runs and injects during them.
 *
 * <p>Planning writes one {@link ParticipantMail} row per message and person once its time has come (called from
 * the run dispatcher's pass, as the other timers of a run are): notices when a scheduled run's notice time has
 * passed (the run row, claimed with {@code FOR UPDATE SKIP LOCKED}, is their timer and records that they were
 * written), injects when a running run reaches an inject's offset, to whoever the run's page requests show was paged
 * for its audience by then (the run row is locked while its injects are planned, and people paged later for the role
 * get the inject on a later pass). The unique message key is the backstop: no replica or restart writes a second
 * row for the same message and person.
 *
 * <p>Sending claims one due row at a time with {@code FOR UPDATE SKIP LOCKED} and calls SMTP while holding it, then
 * marks it SENT in the same transaction (as the dispatcher raises drills while holding the run). A replica that dies
 * mid-send rolls back, and the row is sent by the next pass: no lease to tune and nothing left half-claimed. The one
 * window for a duplicate, between the SMTP server's acceptance and the commit, is the same as with a claim committed
 * before sending; the Message-ID header is the message key, so a duplicate is recognisably the same message.
 */
@ApplicationScoped
public class ParticipantMailer {

    private static final Logger LOG = Logger.getLogger(ParticipantMailer.class);
    private static final int MAX_PER_PASS = 50;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    GamedayConfig config;

    @Inject
    DirectoryReplica directory;

    @Inject
    Mailer mailer;

    @Scheduled(every = "${muster.gameday.mail.send-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void onTick() {
        sendDue();
    }

    /** Writes the notices of every run whose notice time has come; returns how many runs. */
    public int planDueNotices() {
        int runs = 0;
        while (runs < MAX_PER_PASS && QuarkusTransaction.requiringNew().call(this::planNoticesOfOneRun)) {
            runs++;
        }
        return runs;
    }

    /** Writes the injects that have come due in running runs; returns how many messages. */
    public int planDueInjects() {
        Set<UUID> tried = new HashSet<>();
        int written = 0;
        for (int i = 0; i < MAX_PER_PASS; i++) {
            UUID[] run = new UUID[1];
            int count = QuarkusTransaction.requiringNew().call(() -> planInjectsOfOneRun(tried, run));
            if (run[0] == null) {
                break;
            }
            tried.add(run[0]);
            written += count;
        }
        return written;
    }

    /** Sends every due message (each once; failures are retried later); returns how many were tried. */
    public int sendDue() {
        int tried = 0;
        while (tried < MAX_PER_PASS && QuarkusTransaction.requiringNew().call(this::sendOne)) {
            tried++;
        }
        return tried;
    }

    private boolean planNoticesOfOneRun() {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT r.id FROM game_day_run r JOIN game_day g ON g.id = r.game_day_id
                WHERE r.status = 'SCHEDULED' AND r.notices_planned_at IS NULL AND g.notice_minutes IS NOT NULL
                  AND r.due_at - make_interval(mins => g.notice_minutes) <= ?1
                ORDER BY r.due_at LIMIT 1 FOR UPDATE OF r SKIP LOCKED""")
                .setParameter(1, clock.instant()).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        GameDayRun run = GameDayRun.findById(due.get(0));
        GameDay gameDay = GameDay.findById(run.gameDayId);
        Scenario scenario = Scenario.findById(run.scenarioId);
        Instant now = clock.instant();
        ParticipantMessages.NoticeFacts facts = new ParticipantMessages.NoticeFacts(gameDay.title, scenario.name,
                run.dueAt.atZone(ZoneId.of(gameDay.timeZone)), gameDay.mode, List.copyOf(gameDay.participantRoles),
                gameDay.participantTeam, gameDay.timeLimitSeconds / 60);
        // Participants are the holders of the game day's roles now. The team of a game day is a label only: the
        // directory's events carry no team membership, so it cannot narrow the list (see the README).
        for (ContactReplica person : directory.activeHoldersOf(gameDay.participantRoles)) {
            List<String> theirs = gameDay.participantRoles.stream().filter(person.roles::contains).toList();
            String key = ParticipantMail.noticeKey(run.id, person.contactId);
            if (ParticipantMail.count("messageKey", key) == 0) {
                ParticipantMessages.Text notice = ParticipantMessages.notice(facts, person.displayName, theirs);
                if (gameDay.confirmPreparedness) {
                    notice = ParticipantMessages.withPreparednessRequest(notice, config.directoryUrl(),
                            person.contactId);
                }
                newMail(key, run, ParticipantMail.Kind.NOTICE, null, null, person.contactId,
                        person.emailAddress().orElse(null), notice, now).persist();
            }
        }
        run.noticesPlannedAt = now;
        return true;
    }

    /** Plans the due injects of one running run not in {@code tried}; {@code claimed[0]} is that run (or null). */
    private int planInjectsOfOneRun(Set<UUID> tried, UUID[] claimed) {
        @SuppressWarnings("unchecked")
        List<UUID> running = em.createNativeQuery("""
                SELECT id FROM game_day_run
                WHERE status = 'RUNNING' AND end_reason IS NULL AND incident_id IS NOT NULL AND NOT (id = ANY (?1))
                ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, tried.toArray(UUID[]::new)).getResultList();
        if (running.isEmpty()) {
            return 0;
        }
        GameDayRun run = GameDayRun.findById(running.get(0));
        claimed[0] = run.id;
        Scenario scenario = Scenario.findById(run.scenarioId);
        Instant now = clock.instant();
        List<ScenarioInject> injects = scenario.injects == null ? List.of() : scenario.injects;
        boolean anyDue = injects.stream().anyMatch(i -> !run.startedAt.plusSeconds(i.atSeconds()).isAfter(now));
        if (!anyDue) {
            return 0;
        }
        GameDay gameDay = GameDay.findById(run.gameDayId);
        Map<UUID, Set<String>> pagedFor = pagedInRun(run.incidentId);
        Set<String> written = new HashSet<>(em.createQuery(
                "select m.messageKey from ParticipantMail m where m.runId = ?1", String.class)
                .setParameter(1, run.id).getResultList());
        int count = 0;
        for (int index = 0; index < injects.size(); index++) {
            ScenarioInject inject = injects.get(index);
            if (run.startedAt.plusSeconds(inject.atSeconds()).isAfter(now)) {
                continue;
            }
            for (Map.Entry<UUID, Set<String>> paged : pagedFor.entrySet()) {
                boolean inAudience = ScenarioInject.EVERYONE.equals(inject.audience())
                        || paged.getValue().contains(inject.audience());
                String key = ParticipantMail.injectKey(run.id, index, paged.getKey());
                if (!inAudience || !written.add(key)) {
                    continue;
                }
                ContactReplica person = ContactReplica.findById(paged.getKey());
                String name = person == null ? "participant" : person.displayName;
                ParticipantMail mail = newMail(key, run, ParticipantMail.Kind.INJECT, index, inject,
                        paged.getKey(), person == null ? null : person.emailAddress().orElse(null),
                        ParticipantMessages.inject(gameDay.title, scenario.name, inject, name,
                                List.copyOf(paged.getValue())), now);
                if (mail.state == ParticipantMail.State.PENDING && gameDay.mode == GameDay.Mode.SILENT) {
                    // A tabletop run sends nobody anything; the inject is recorded as its pages are.
                    mail.state = ParticipantMail.State.SUPPRESSED;
                }
                mail.persist();
                if (mail.state != ParticipantMail.State.PENDING) {
                    observe(mail, run.incidentId, now);
                }
                count++;
            }
        }
        return count;
    }

    private boolean sendOne() {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM participant_mail WHERE state = 'PENDING' AND due_at <= ?1
                ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, clock.instant()).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        ParticipantMail mail = ParticipantMail.findById(due.get(0));
        Instant now = clock.instant();
        mail.attempts++;
        try {
            mailer.send(Mail.withText(mail.address, mail.subject, mail.body)
                    .setFrom(config.mail().from())
                    .addHeader("Message-ID", messageId(mail.messageKey)));
            mail.state = ParticipantMail.State.SENT;
            mail.sentAt = now;
            mail.lastError = null;
        } catch (RuntimeException e) {
            mail.lastError = truncate(rootMessage(e));
            if (mail.attempts >= config.mail().maxAttempts()) {
                mail.state = ParticipantMail.State.FAILED;
            } else {
                mail.dueAt = now.plus(config.mail().retryDelay().multipliedBy(1L << Math.min(mail.attempts - 1, 10)));
            }
            LOG.warnf("%s to %s (attempt %d) not sent: %s", mail.kind, mail.contactId, mail.attempts,
                    mail.lastError);
        }
        if (mail.kind == ParticipantMail.Kind.INJECT && mail.state != ParticipantMail.State.PENDING) {
            GameDayRun run = GameDayRun.findById(mail.runId);
            observe(mail, run.incidentId, now);
        }
        return true;
    }

    /** The Message-ID header for a message key (RFC 5322: angle brackets, an @ and a domain part). */
    public static String messageId(String messageKey) {
        return "<" + messageKey + "@muster.gameday>";
    }

    /** {@code inject} is null for a notice. */
    private static ParticipantMail newMail(String key, GameDayRun run, ParticipantMail.Kind kind, Integer injectIndex,
            ScenarioInject inject, UUID contactId, String address, ParticipantMessages.Text text, Instant now) {
        ParticipantMail mail = new ParticipantMail();
        mail.id = UUID.randomUUID();
        mail.messageKey = key;
        mail.runId = run.id;
        mail.kind = kind;
        mail.injectIndex = injectIndex;
        mail.audience = inject == null ? null : inject.audience();
        mail.injectMessage = inject == null ? null : inject.message();
        mail.contactId = contactId;
        mail.address = address;
        mail.subject = text.subject();
        mail.body = text.body();
        mail.state = address == null ? ParticipantMail.State.NO_ADDRESS : ParticipantMail.State.PENDING;
        mail.dueAt = now;
        mail.createdAt = now;
        return mail;
    }

    /** Puts the inject's outcome for one person on the run's timeline, in the transaction that decided it. */
    private static void observe(ParticipantMail mail, UUID incidentId, Instant at) {
        DrillObservation o = new DrillObservation();
        o.eventId = mail.id;
        o.incidentId = incidentId;
        o.eventType = Observation.INJECT_DELIVERY;
        o.occurredAt = at;
        o.contactId = mail.contactId;
        o.roleKey = ScenarioInject.EVERYONE.equals(mail.audience) ? null : mail.audience;
        o.channel = mail.address == null ? null : "EMAIL";
        o.status = mail.state.name();
        o.attempt = mail.attempts;
        o.detail = truncate(mail.injectMessage);
        o.persist();
    }

    /** Who was paged in the incident, with the roles each was paged for (none for a page that named them). */
    private Map<UUID, Set<String>> pagedInRun(UUID incidentId) {
        Map<UUID, Set<String>> paged = new LinkedHashMap<>();
        for (DrillObservation o : DrillObservation.<DrillObservation>list(
                "incidentId = ?1 and eventType = ?2 order by occurredAt", incidentId, Observation.PAGE_REQUESTED)) {
            if (o.contactId == null) {
                continue;
            }
            Set<String> roles = paged.computeIfAbsent(o.contactId, c -> new LinkedHashSet<>());
            if (o.roleKey != null) {
                roles.add(o.roleKey);
            }
        }
        return paged;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
