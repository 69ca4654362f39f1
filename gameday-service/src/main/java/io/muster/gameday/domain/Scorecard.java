package io.muster.gameday.domain;

import io.muster.contracts.pages.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How a run went, computed only from what was observed on the drill incident and the run's targets, so the same
 * observations always give the same card (and the card of a finished run never changes). Times are whole seconds
 * since the run started. People are identified by contact id; {@code displayName}/{@code ackedByName} next to it is
 * the name the directory gives them, null for someone it no longer (or not yet) lists.
 */
public record Scorecard(
        Times times,
        Counts counts,
        List<RoleResult> roles,
        List<PersonResult> people,
        List<EscalationTaken> escalations,
        List<ChannelFailure> channelFailures,
        List<Unreachable> unreachable,
        Readiness readiness,
        List<TimelineEntry> timeline,
        List<InjectDelivery> injects) {

    public static final String IGNORED_BY_FAULT = "ignored: drill fault";
    public static final String AFTER_RUN_END = "ignored: after the run ended";

    /**
     * What a run is scored against.
     *
     * @param endedAt             null while the run is under way; acks after it do not count
     * @param requiredRoles       the roles taking part; those in {@code unavailableRoles} cannot ack by design and are
     *                            not required
     */
    public record RunTargets(Instant startedAt, Instant endedAt, List<String> requiredRoles,
            int targetFirstAckSeconds, int targetAllRolesSeconds, Set<UUID> unavailableContacts,
            Set<String> unavailableRoles, Set<String> downChannels) {

        public List<String> rolesThatMustAck() {
            return requiredRoles.stream().filter(r -> !unavailableRoles.contains(r)).toList();
        }
    }

    /** Seconds since the run started; null when it never happened. {@code ...Met} is null when there is no time. */
    public record Times(Long firstPageRequested, Long firstPageSent, Long firstAck, Instant firstAckAt,
            Long allRolesAcked, Instant allRolesAckedAt, int targetFirstAck, int targetAllRoles, Boolean firstAckMet,
            Boolean allRolesMet) {
    }

    public record Counts(int pagesRequested, int pagesSent, int pagesSuppressed, int channelAttempts,
            int channelFailures, int acksAccepted, int acksIgnored) {
    }

    /** ACKED, NOT_REACHED (paged, nobody acked), NOT_PAGED, or UNAVAILABLE (a drill fault took the role out). */
    public record RoleResult(String roleKey, boolean required, String outcome, Long firstPaged, List<UUID> paged,
            Long acked, UUID ackedBy, String ackedByName, String ackMethod, Boolean withinTarget) {
    }

    public record ChannelResult(String channel, int attempts, String outcome, String detail, boolean downByFault) {
    }

    /** {@code ack} is the time of this person's counted ack; {@code ackNote} says why an ack did not count. */
    public record PersonResult(UUID contactId, String displayName, List<String> roles, List<Integer> stages,
            Long firstPaged, List<ChannelResult> channels, Long acked, String ackMethod, String ackNote,
            boolean suppressed) {
    }

    /** The stage path moved on ({@code roleKey} null), or that required role's own path paged its next candidate. */
    public record EscalationTaken(Long at, Integer fromStage, Integer toStage, String reason, String roleKey) {

        public EscalationTaken(Long at, Integer fromStage, Integer toStage, String reason) {
            this(at, fromStage, toStage, reason, null);
        }

    }

    public record ChannelFailure(Long at, UUID contactId, String displayName, String channel, Integer attempt,
            String detail, boolean downByFault) {
    }

    /** A paged person who never answered; {@code drillFault} when the run made them unavailable on purpose. */
    public record Unreachable(UUID contactId, String displayName, String reason, boolean drillFault) {
    }

    /**
     * The readiness score and its parts (each 0..1): see the README for the formula.
     */
    public record Readiness(int score, double rolesAckedWithinTarget, double firstAck, double delivery,
            double coverage, int unreachablePenalty) {
    }

    /** {@code roleKey} of a page's status or ack is the role its page was requested for, when that was seen. */
    public record TimelineEntry(long at, Instant time, String type, UUID pageId, UUID contactId, String displayName,
            String roleKey, Integer stage, String channel, String status, Integer attempt, String detail,
            String note) {
    }

    /**
     * A scenario inject mailed (or not) to one person during the run. {@code audience} is a role key or {@code all};
     * {@code outcome} SENT, FAILED (given up), SUPPRESSED (silent run) or NO_ADDRESS (no verified email).
     */
    public record InjectDelivery(Long at, Instant time, String audience, UUID contactId, String displayName,
            String outcome, String message) {
    }

    private record Page(UUID contactId, String roleKey, int stage, Instant requestedAt, boolean notifyOnly) {
    }

    private record Ack(UUID contactId, UUID pageId, String roleKey, Integer stage, Instant at, String method) {
    }

    /** The instant every role that must ack has an accepted ack, or null; what ends a run early. */
    public static Instant allRolesAckedAt(RunTargets run, List<Observation> observations) {
        return compute(run, observations).times().allRolesAckedAt();
    }

    public static Scorecard compute(RunTargets run, List<Observation> observations) {
        return compute(run, observations, Map.of());
    }

    /**
     * @param names display names by contact id, as far as they are known (people who left the directory are not);
     *              they only label the card and change none of its numbers
     */
    public static Scorecard compute(RunTargets run, List<Observation> observations, Map<UUID, String> knownNames) {
        // Events without a person (lifecycle, escalations) look up null, which immutable maps refuse.
        Map<UUID, String> names = new HashMap<>(knownNames);
        List<Observation> ordered = observations.stream()
                .sorted(Comparator.comparing(Observation::at).thenComparing(o -> rank(o.type()))).toList();

        Map<UUID, Page> pages = new HashMap<>();
        // Escalation alone decides whether an ack counts; its verdict comes after the ack, so it is read up front.
        Set<UUID> ignoredByEscalation = new HashSet<>();
        for (Observation o : ordered) {
            if (Observation.PAGE_REQUESTED.equals(o.type()) && o.pageId() != null) {
                pages.putIfAbsent(o.pageId(), new Page(o.contactId(), o.roleKey(),
                        o.stage() == null ? 1 : o.stage(), o.at(), o.notifyOnly()));
            } else if (Observation.ACK_IGNORED.equals(o.type()) && o.contactId() != null) {
                ignoredByEscalation.add(o.contactId());
            }
        }

        Map<UUID, PersonTally> people = new LinkedHashMap<>();
        Map<String, RoleTally> roles = new LinkedHashMap<>();
        for (String role : run.requiredRoles()) {
            roles.put(role, new RoleTally());
        }
        List<EscalationTaken> escalations = new ArrayList<>();
        List<ChannelFailure> failures = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        List<InjectDelivery> injects = new ArrayList<>();
        // (page, channel, attempt) -> last status, for delivery success
        Map<String, String> attemptOutcome = new LinkedHashMap<>();
        Set<UUID> pagesSent = new LinkedHashSet<>();
        Set<UUID> pagesSuppressed = new LinkedHashSet<>();
        Instant firstRequested = null;
        Instant firstSent = null;
        int acksAccepted = 0;
        int acksIgnored = 0;

        for (Observation o : ordered) {
            if (Observation.ACK_IGNORED.equals(o.type())) {
                continue; // shown as the note on the acks it concerns
            }
            String note = null;
            Page page = o.pageId() == null ? null : pages.get(o.pageId());
            // A status or ack carries no role: it is the role its page was requested for.
            String roleKey = o.roleKey() != null ? o.roleKey() : page == null ? null : page.roleKey();
            // Injects are this service's own doing, not responders' traffic: never "late".
            boolean responderTraffic = !o.type().startsWith("Incident")
                    && !Observation.INJECT_DELIVERY.equals(o.type());
            if (run.endedAt() != null && o.at().isAfter(run.endedAt()) && responderTraffic) {
                // The card of a finished run is fixed at its end: late traffic is shown, not counted.
                timeline.add(new TimelineEntry(since(run, o.at()), o.at(), o.type(), o.pageId(), o.contactId(),
                        names.get(o.contactId()), roleKey, o.stage(), o.channel(), o.status(), o.attempt(),
                        o.detail(), AFTER_RUN_END));
                if (Observation.PAGE_ACKNOWLEDGED.equals(o.type())) {
                    acksIgnored++;
                }
                continue;
            }
            switch (o.type()) {
                case Observation.PAGE_REQUESTED -> {
                    if (firstRequested == null) {
                        firstRequested = o.at();
                    }
                    PersonTally person = people.computeIfAbsent(o.contactId(), c -> new PersonTally());
                    person.paged(o.at(), o.roleKey(), o.stage());
                    if (o.roleKey() != null && !o.notifyOnly()) {
                        RoleTally role = roles.computeIfAbsent(o.roleKey(), r -> new RoleTally());
                        if (role.firstPaged == null) {
                            role.firstPaged = o.at();
                        }
                        role.paged.add(o.contactId());
                    }
                    if (o.notifyOnly()) {
                        person.notifyOnly = true;
                        note = "notify only";
                    }
                }
                case Observation.PAGE_STATUS -> {
                    PersonTally person = people.computeIfAbsent(o.contactId(), c -> new PersonTally());
                    boolean down = o.channel() != null && run.downChannels().contains(o.channel());
                    DeliveryStatus status = o.deliveryStatus();
                    if (status == DeliveryStatus.SUPPRESSED) {
                        pagesSuppressed.add(o.pageId());
                        person.suppressed = true;
                    } else if (status == DeliveryStatus.ALL_CHANNELS_FAILED) {
                        person.allChannelsFailed = true;
                    }
                    if (o.channel() != null) {
                        ChannelTally channel = person.channels.computeIfAbsent(o.channel(), c -> new ChannelTally());
                        channel.attempts = Math.max(channel.attempts, o.attempt() == null ? 1 : o.attempt());
                        channel.outcome = o.status();
                        channel.detail = o.detail();
                        String attemptKey = o.pageId() + "/" + o.channel() + "/" + o.attempt();
                        if (status == DeliveryStatus.SENT || status == DeliveryStatus.DELIVERED) {
                            pagesSent.add(o.pageId());
                            if (firstSent == null) {
                                firstSent = o.at();
                            }
                            if (!down) {
                                attemptOutcome.put(attemptKey, "OK");
                            }
                        } else if (status == DeliveryStatus.FAILED) {
                            failures.add(new ChannelFailure(since(run, o.at()), o.contactId(),
                                    names.get(o.contactId()), o.channel(),
                                    o.attempt(), o.detail(), down));
                            if (!down) {
                                attemptOutcome.put(attemptKey, "FAILED");
                            }
                            if (down) {
                                note = "channel down (drill fault)";
                            }
                        }
                    }
                }
                case Observation.PAGE_ACKNOWLEDGED -> {
                    PersonTally person = people.computeIfAbsent(o.contactId(), c -> new PersonTally());
                    if (ignoredByEscalation.contains(o.contactId())) {
                        note = IGNORED_BY_FAULT;
                    } else if (person.ack == null) {
                        person.ack = new Ack(o.contactId(), o.pageId(), roleKey, page == null ? null : page.stage(),
                                o.at(), o.method());
                    }
                    if (note != null) {
                        acksIgnored++;
                        if (person.ackNote == null) {
                            person.ackNote = note;
                        }
                    } else {
                        acksAccepted++;
                        if (roleKey != null) {
                            RoleTally role = roles.computeIfAbsent(roleKey, r -> new RoleTally());
                            if (role.ack == null) {
                                role.ack = new Ack(o.contactId(), o.pageId(), roleKey,
                                        page == null ? null : page.stage(), o.at(), o.method());
                            }
                        } else {
                            note = "no page request seen for this ack: not counted for a role";
                        }
                    }
                }
                case Observation.INJECT_DELIVERY -> injects.add(new InjectDelivery(since(run, o.at()), o.at(),
                        o.roleKey() == null ? ScenarioInject.EVERYONE : o.roleKey(), o.contactId(),
                        names.get(o.contactId()), o.status(), o.detail()));
                case Observation.ESCALATED -> escalations.add(new EscalationTaken(since(run, o.at()), o.stage(),
                        o.toStage(), o.detail(), o.roleKey()));
                default -> {
                    // lifecycle events only appear on the timeline
                }
            }
            timeline.add(new TimelineEntry(since(run, o.at()), o.at(), o.type(), o.pageId(), o.contactId(),
                    names.get(o.contactId()), roleKey, o.stage(), o.channel(), o.status(), o.attempt(),
                    o.detail() != null ? o.detail() : o.method(), note));
        }

        // Times
        Instant firstAck = roles.values().stream().filter(r -> r.ack != null).map(r -> r.ack.at())
                .min(Comparator.naturalOrder()).orElse(null);
        // A first ack by someone whose role is unknown still answers the incident.
        for (PersonTally person : people.values()) {
            if (person.ack != null && (firstAck == null || person.ack.at().isBefore(firstAck))) {
                firstAck = person.ack.at();
            }
        }
        List<String> mustAck = run.rolesThatMustAck();
        Instant allRoles = null;
        if (!mustAck.isEmpty() && mustAck.stream().allMatch(r -> roles.get(r).ack != null)) {
            allRoles = mustAck.stream().map(r -> roles.get(r).ack.at()).max(Comparator.naturalOrder()).orElseThrow();
        }
        Long firstAckS = since(run, firstAck);
        Long allRolesS = since(run, allRoles);
        Times times = new Times(since(run, firstRequested), since(run, firstSent), firstAckS, firstAck, allRolesS,
                allRoles, run.targetFirstAckSeconds(), run.targetAllRolesSeconds(),
                firstAckS == null ? null : firstAckS <= run.targetFirstAckSeconds(),
                allRolesS == null ? null : allRolesS <= run.targetAllRolesSeconds());

        // Roles
        List<RoleResult> roleResults = new ArrayList<>();
        int withinTarget = 0;
        int covered = 0;
        for (Map.Entry<String, RoleTally> entry : roles.entrySet()) {
            String key = entry.getKey();
            RoleTally role = entry.getValue();
            boolean required = mustAck.contains(key);
            String outcome = run.unavailableRoles().contains(key) ? "UNAVAILABLE"
                    : role.ack != null ? "ACKED" : role.paged.isEmpty() ? "NOT_PAGED" : "NOT_REACHED";
            Long ackedS = role.ack == null ? null : since(run, role.ack.at());
            Boolean inTime = ackedS == null ? null : ackedS <= run.targetAllRolesSeconds();
            if (required && Boolean.TRUE.equals(inTime)) {
                withinTarget++;
            }
            if (required && !role.paged.isEmpty()) {
                covered++;
            }
            roleResults.add(new RoleResult(key, required, outcome, since(run, role.firstPaged),
                    List.copyOf(role.paged), ackedS, role.ack == null ? null : role.ack.contactId(),
                    role.ack == null ? null : names.get(role.ack.contactId()),
                    role.ack == null ? null : role.ack.method(), inTime));
        }

        // People and who could not be reached
        List<PersonResult> personResults = new ArrayList<>();
        List<Unreachable> unreachable = new ArrayList<>();
        for (Map.Entry<UUID, PersonTally> entry : people.entrySet()) {
            UUID contact = entry.getKey();
            PersonTally person = entry.getValue();
            List<ChannelResult> channels = person.channels.entrySet().stream()
                    .map(c -> new ChannelResult(c.getKey(), c.getValue().attempts, c.getValue().outcome,
                            c.getValue().detail, run.downChannels().contains(c.getKey())))
                    .toList();
            personResults.add(new PersonResult(contact, names.get(contact), List.copyOf(person.roles),
                    List.copyOf(person.stages),
                    since(run, person.firstPaged), channels, person.ack == null ? null : since(run, person.ack.at()),
                    person.ack == null ? null : person.ack.method(), person.ack == null ? person.ackNote : null,
                    person.suppressed));
            if (person.firstPaged == null || person.suppressed || person.notifyOnly || person.ack != null) {
                continue;
            }
            boolean byFault = run.unavailableContacts().contains(contact)
                    || person.roles.stream().anyMatch(run.unavailableRoles()::contains);
            boolean everyChannelFailed = person.allChannelsFailed || (!channels.isEmpty()
                    && channels.stream().allMatch(c -> DeliveryStatus.FAILED.name().equals(c.outcome())));
            if (everyChannelFailed) {
                unreachable.add(new Unreachable(contact, names.get(contact), "every channel failed", byFault));
            } else if (run.endedAt() != null && neededButSilent(person, roles)) {
                unreachable.add(new Unreachable(contact, names.get(contact), "never acknowledged", byFault));
            }
        }

        // Readiness
        double rolesPart = mustAck.isEmpty() ? 1.0 : (double) withinTarget / mustAck.size();
        double firstAckPart = firstAckS == null ? 0.0
                : firstAckS <= run.targetFirstAckSeconds() ? 1.0
                : Math.max(0.0, 2.0 - (double) firstAckS / run.targetFirstAckSeconds());
        long decided = attemptOutcome.size();
        long delivered = attemptOutcome.values().stream().filter("OK"::equals).count();
        double deliveryPart = decided == 0 ? 1.0 : (double) delivered / decided;
        double coveragePart = mustAck.isEmpty() ? 1.0 : (double) covered / mustAck.size();
        int penalty = (int) Math.min(25, 5 * unreachable.stream().filter(u -> !u.drillFault()).count());
        int score = (int) Math.round(50 * rolesPart + 20 * firstAckPart + 20 * deliveryPart + 10 * coveragePart)
                - penalty;
        Readiness readiness = new Readiness(Math.max(0, Math.min(100, score)), round(rolesPart), round(firstAckPart),
                round(deliveryPart), round(coveragePart), penalty);

        int channelAttempts = (int) people.values().stream().flatMap(p -> p.channels.values().stream())
                .mapToInt(c -> c.attempts).sum();
        Counts counts = new Counts(pages.size(), pagesSent.size(), pagesSuppressed.size(), channelAttempts,
                failures.size(), acksAccepted, acksIgnored);
        return new Scorecard(times, counts, roleResults, personResults, escalations, failures, unreachable,
                readiness, timeline, injects);
    }

    /**
     * A person who did not answer counts as unreachable when their answer was needed: the role they were paged for
     * was never acknowledged, or was acknowledged only at a later escalation stage (so the drill had to go past
     * them). Someone paged alongside a colleague who answered first at the same stage was not needed.
     */
    private static boolean neededButSilent(PersonTally person, Map<String, RoleTally> roles) {
        for (Map.Entry<String, Integer> paged : person.stageByRole.entrySet()) {
            RoleTally role = roles.get(paged.getKey());
            if (role == null || role.ack == null) {
                return true;
            }
            if (role.ack.stage() != null && role.ack.stage() > paged.getValue()) {
                return true;
            }
        }
        return person.stageByRole.isEmpty();
    }

    private static Long since(RunTargets run, Instant at) {
        return at == null || run.startedAt() == null ? null : Duration.between(run.startedAt(), at).toSeconds();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Same-instant events in causal order: a request before its delivery, a delivery before its ack. */
    private static int rank(String type) {
        return switch (type) {
            case Observation.TRIGGERED -> 0;
            case Observation.PAGE_REQUESTED -> 1;
            case Observation.PAGE_STATUS -> 2;
            case Observation.PAGE_ACKNOWLEDGED -> 3;
            case Observation.INCIDENT_ACKNOWLEDGED -> 4;
            case Observation.ESCALATED -> 5;
            default -> 6;
        };
    }

    private static final class RoleTally {
        Instant firstPaged;
        final Set<UUID> paged = new LinkedHashSet<>();
        Ack ack;
    }

    private static final class ChannelTally {
        int attempts;
        String outcome;
        String detail;
    }

    private static final class PersonTally {
        Instant firstPaged;
        final Set<String> roles = new LinkedHashSet<>();
        final Set<Integer> stages = new LinkedHashSet<>();
        final Map<String, Integer> stageByRole = new TreeMap<>();
        final Map<String, ChannelTally> channels = new LinkedHashMap<>();
        boolean suppressed;
        boolean allChannelsFailed;
        boolean notifyOnly;
        Ack ack;
        String ackNote;

        void paged(Instant at, String roleKey, Integer stage) {
            if (firstPaged == null) {
                firstPaged = at;
            }
            if (roleKey != null) {
                roles.add(roleKey);
                stageByRole.putIfAbsent(roleKey, stage == null ? 1 : stage);
            }
            if (stage != null) {
                stages.add(stage);
            }
        }
    }
}
