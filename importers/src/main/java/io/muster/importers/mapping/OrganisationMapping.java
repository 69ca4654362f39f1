package io.muster.importers.mapping;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import io.muster.importers.mapping.MusterPlan.Finding;
import io.muster.importers.mapping.MusterPlan.Kind;
import io.muster.importers.source.SourceOrganisation;
import io.muster.importers.source.SourceOrganisation.Escalation;
import io.muster.importers.source.SourceOrganisation.Person;
import io.muster.importers.source.SourceOrganisation.Schedule;
import io.muster.importers.source.SourceOrganisation.Target;
import io.muster.importers.source.SourceOrganisation.TargetKind;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one set of rules that turns a source organisation into Muster's model, whatever system it came from:
 * <ul>
 * <li>an on-call schedule becomes a role of its own (key from the schedule's handle), its rotations that role's
 * rotations, and the people in them that role's holders; a team per schedule holds them;</li>
 * <li>an escalation path becomes a policy whose stages page those roles; a stage that names a person pages that
 * person by name, and the report says so, since it is exactly what role-based paging exists to avoid;</li>
 * <li>a channel is verified only where the source proves the address was activated; every other channel gets a
 * verification code from Muster, as any new channel does;</li>
 * <li>a response plan becomes a response plan for its own incident type, at the severity its impact names.</li>
 * </ul>
 * Anything the source holds that Muster cannot carry is a {@link Finding}, never silently dropped.
 */
public final class OrganisationMapping {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final ZoneId defaultZone;

    /** @param defaultZone for people the source keeps no time zone for and who are in no rotation */
    public OrganisationMapping(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    public MusterPlan map(SourceOrganisation source) {
        return new Run(source).plan();
    }

    /** Incident Manager's impact: 1 critical, 2 high, 3 medium, 4 and 5 low. */
    public static Severity severityOf(int impact) {
        return switch (impact) {
            case 1 -> Severity.CRITICAL;
            case 2 -> Severity.HIGH;
            case 3 -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    /** Lower-case words joined by dashes, starting with a letter: a role key or incident type. */
    static String key(String handle) {
        String k = handle.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (k.isEmpty() || !Character.isLetter(k.charAt(0))) {
            k = "r-" + k;
        }
        return k.length() > 63 ? k.substring(0, 63).replaceAll("-+$", "") : k;
    }

    private final class Run {
        final SourceOrganisation source;
        final List<Finding> findings = new ArrayList<>();
        final Map<String, String> refOf = new HashMap<>();
        final Map<String, String> roleOf = new HashMap<>();
        final Map<String, Set<String>> rolesOfPerson = new HashMap<>();
        final Map<String, String> zoneOfPerson = new HashMap<>();
        final Map<String, String> policyOf = new HashMap<>();

        Run(SourceOrganisation source) {
            this.source = source;
            source.readNotes().forEach(n -> findings.add(new Finding(Kind.NOT_MAPPED, source.provider(), n)));
        }

        MusterPlan plan() {
            Set<String> refs = new LinkedHashSet<>();
            for (Person p : source.people()) {
                String ref = REF.matcher(p.handle()).matches() ? p.handle() : key(p.handle());
                while (!refs.add(ref)) {
                    ref = ref + "-2";
                }
                refOf.put(p.id(), ref);
            }
            List<MusterPlan.Role> roles = new ArrayList<>();
            List<MusterPlan.Team> teams = new ArrayList<>();
            List<MusterPlan.Rotation> rotations = new ArrayList<>();
            List<MusterPlan.Override> overrides = new ArrayList<>();
            for (Schedule s : source.schedules()) {
                schedule(s, roles, teams, rotations, overrides);
            }
            List<MusterPlan.Person> people = source.people().stream().map(this::person).toList();
            List<MusterPlan.Policy> policies = new ArrayList<>();
            for (Escalation e : source.escalations()) {
                policies.add(policy(e, uniqueName(policies, e.displayName())));
                policyOf.put(e.id(), policies.get(policies.size() - 1).name());
            }
            List<MusterPlan.ResponsePlan> plans = new ArrayList<>();
            for (SourceOrganisation.ResponsePlan rp : source.responsePlans()) {
                plans.add(responsePlan(rp, policies));
            }
            return new MusterPlan(source.provider(), roles, new MusterPlan.Directory(people, teams, rotations),
                    overrides, policies, plans, findings);
        }

        void schedule(Schedule s, List<MusterPlan.Role> roles, List<MusterPlan.Team> teams,
                List<MusterPlan.Rotation> rotations, List<MusterPlan.Override> overrides) {
            String role = key(s.handle());
            roleOf.put(s.id(), role);
            roles.add(new MusterPlan.Role(role, s.displayName(),
                    "On call as the " + source.provider() + " schedule " + s.handle() + " was."));
            Set<String> members = new LinkedHashSet<>();
            for (SourceOrganisation.Rotation r : s.rotations()) {
                for (String m : r.memberIds()) {
                    if (refOf.containsKey(m)) {
                        members.add(refOf.get(m));
                        rolesOfPerson.computeIfAbsent(m, x -> new LinkedHashSet<>()).add(role);
                        zoneOfPerson.putIfAbsent(m, r.timeZone());
                    }
                }
            }
            teams.add(new MusterPlan.Team(s.displayName(), "Imported from " + source.provider() + " ("
                    + s.handle() + ")", List.copyOf(members)));
            for (SourceOrganisation.Rotation r : s.rotations()) {
                String subject = "rotation " + r.name();
                if (r.cannotMap().isPresent()) {
                    findings.add(new Finding(Kind.NOT_MAPPED, subject, r.cannotMap().get()
                            + "; its members still hold the role " + role));
                    continue;
                }
                r.limits().forEach(l -> findings.add(new Finding(Kind.CHANGED, subject, l)));
                List<String> memberRefs = new ArrayList<>();
                for (String m : r.memberIds()) {
                    if (refOf.containsKey(m)) {
                        memberRefs.add(refOf.get(m));
                    } else {
                        findings.add(new Finding(Kind.NOT_MAPPED, subject, "member " + m + " is not a person"));
                    }
                }
                ZoneId zone;
                try {
                    zone = ZoneId.of(r.timeZone());
                } catch (DateTimeException e) {
                    findings.add(new Finding(Kind.NOT_MAPPED, subject, "its time zone " + r.timeZone()
                            + " is not an IANA zone"));
                    continue;
                }
                rotations.add(new MusterPlan.Rotation(r.name(), s.displayName(), role, zone.getId(),
                        handoffStart(r, zone), r.unit(), r.shiftLength(), memberRefs));
                for (SourceOrganisation.Override o : r.overrides()) {
                    if (o.memberIds().isEmpty() || !refOf.containsKey(o.memberIds().get(0))) {
                        findings.add(new Finding(Kind.NOT_MAPPED, subject, "an override from " + o.start()
                                + " names nobody Muster knows"));
                        continue;
                    }
                    if (o.memberIds().size() > 1) {
                        findings.add(new Finding(Kind.CHANGED, subject, "the override from " + o.start() + " puts "
                                + o.memberIds().size() + " people on call; Muster's puts the first"));
                    }
                    overrides.add(new MusterPlan.Override(r.name(), refOf.get(o.memberIds().get(0)), o.start(),
                            o.end()));
                }
            }
        }

        /**
         * The hand-off at or before the source's start, so the first member is on call from the start on, as in
         * the source; later hand-offs fall at the same wall-clock time whatever daylight saving does.
         */
        LocalDateTime handoffStart(SourceOrganisation.Rotation r, ZoneId zone) {
            LocalDateTime start = LocalDateTime.ofInstant(r.start(), zone);
            LocalDateTime candidate = start.toLocalDate().atTime(r.handOff());
            if (r.unit() == ShiftUnit.WEEKS && r.handOffDay().isPresent()) {
                candidate = candidate.with(TemporalAdjusters.previousOrSame(r.handOffDay().get()));
                if (candidate.isAfter(start)) {
                    candidate = candidate.minusWeeks(1);
                }
            } else if (candidate.isAfter(start)) {
                candidate = candidate.minusDays(1);
            }
            return candidate;
        }

        MusterPlan.Person person(Person p) {
            String subject = "contact " + p.handle();
            String zone = p.timeZone().orElse(zoneOfPerson.get(p.id()));
            if (zone == null) {
                zone = defaultZone.getId();
                findings.add(new Finding(Kind.NOTE, subject, source.provider() + " keeps no time zone for them and"
                        + " they are in no rotation; set to " + zone));
            }
            List<MusterPlan.Channel> channels = new ArrayList<>();
            Set<ChannelType> verifiedTypes = new LinkedHashSet<>();
            List<SourceOrganisation.Channel> ordered = p.channels().stream()
                    .sorted(Comparator.comparingInt(SourceOrganisation.Channel::order)).toList();
            int preference = 1;
            for (SourceOrganisation.Channel c : ordered) {
                String address = c.address() == null ? "" : c.address().strip();
                if (c.kind() != ChannelType.EMAIL) {
                    address = address.replaceAll("[\\s().-]", "");
                    if (!E164.matcher(address).matches()) {
                        findings.add(new Finding(Kind.NOT_MAPPED, subject, "channel " + c.name() + ": "
                                + c.address() + " is not a phone number in E.164 form"));
                        continue;
                    }
                }
                if (c.kind() == ChannelType.VOICE) {
                    // The directory refuses VOICE channels until Muster places voice calls.
                    findings.add(new Finding(Kind.NOT_MAPPED, subject, "channel " + c.name() + " is a voice"
                            + " channel: Muster places no voice calls yet, so it is left out; add the number as an SMS"
                            + " channel if it takes texts"));
                    continue;
                }
                channels.add(new MusterPlan.Channel(c.kind(), address, preference++, c.activated()));
                if (c.activated()) {
                    verifiedTypes.add(c.kind());
                }
            }
            if (verifiedTypes.size() < 2) {
                findings.add(new Finding(Kind.NOTE, subject, "fewer than two activated channel types (SMS, email)"
                        + " in " + source.provider() + "; Muster sends codes for the rest, and readiness lists"
                        + " them until they are confirmed"));
            }
            List<String> roles = List.copyOf(rolesOfPerson.getOrDefault(p.id(), Set.of()));
            return new MusterPlan.Person(refOf.get(p.id()), p.displayName(), zone, roles, 1, channels);
        }

        MusterPlan.Policy policy(Escalation e, String name) {
            List<MusterPlan.Stage> stages = new ArrayList<>();
            Set<String> pendingRoles = new LinkedHashSet<>();
            Set<String> pendingPeople = new LinkedHashSet<>();
            for (int i = 0; i < e.stages().size(); i++) {
                SourceOrganisation.Stage s = e.stages().get(i);
                String subject = "escalation " + e.handle() + " stage " + (i + 1);
                for (Target t : s.targets()) {
                    target(t, subject, pendingRoles, pendingPeople, 0);
                }
                boolean last = i == e.stages().size() - 1;
                if (s.minutes() == 0 && !last) {
                    // The source engages the next stage at the same moment: one Muster stage pages both.
                    findings.add(new Finding(Kind.CHANGED, subject, "waits no time, so it is paged together with"
                            + " the stage after it"));
                    continue;
                }
                if (pendingRoles.isEmpty() && pendingPeople.isEmpty()) {
                    findings.add(new Finding(Kind.NOT_MAPPED, subject, "pages nobody Muster knows; left out"));
                    continue;
                }
                stages.add(new MusterPlan.Stage(List.copyOf(pendingRoles), List.copyOf(pendingPeople),
                        s.minutes() == 0 ? null : s.minutes() * 60));
                pendingRoles.clear();
                pendingPeople.clear();
            }
            if (stages.isEmpty()) {
                findings.add(new Finding(Kind.NOT_MAPPED, "escalation " + e.handle(), "no stage pages anyone"
                        + " Muster knows, so it became no policy"));
            }
            return new MusterPlan.Policy(name, e.repeats(), stages);
        }

        void target(Target t, String subject, Set<String> roles, Set<String> people, int depth) {
            switch (t.kind()) {
                case SCHEDULE -> {
                    if (roleOf.containsKey(t.id())) {
                        roles.add(roleOf.get(t.id()));
                    }
                }
                case PERSON -> {
                    Optional<Person> p = source.person(t.id());
                    if (p.isPresent()) {
                        people.add(refOf.get(t.id()));
                        findings.add(new Finding(Kind.CHANGED, subject, "names " + p.get().displayName()
                                + " rather than an on-call schedule: Muster pages them by name; give them a role"
                                + " to page by role"));
                    }
                }
                case ESCALATION -> {
                    Optional<Escalation> inner = source.escalation(t.id());
                    if (inner.isEmpty() || depth > 0 || inner.get().stages().isEmpty()) {
                        findings.add(new Finding(Kind.NOT_MAPPED, subject, "engages escalation " + t.id()
                                + ", which could not be followed"));
                        return;
                    }
                    findings.add(new Finding(Kind.CHANGED, subject, "engages escalation " + inner.get().handle()
                            + "; Muster does not nest policies, so its first stage is paged here"));
                    for (Target innerTarget : inner.get().stages().get(0).targets()) {
                        target(innerTarget, subject, roles, people, depth + 1);
                    }
                }
                default -> throw new IllegalStateException("unknown target kind " + t.kind());
            }
        }

        MusterPlan.ResponsePlan responsePlan(SourceOrganisation.ResponsePlan rp, List<MusterPlan.Policy> policies) {
            String subject = "response plan " + rp.name();
            List<Target> escalations = rp.engagements().stream()
                    .filter(t -> t.kind() == TargetKind.ESCALATION && policyOf.containsKey(t.id())).toList();
            List<Target> direct = rp.engagements().stream().filter(t -> t.kind() != TargetKind.ESCALATION).toList();
            String policy;
            if (escalations.size() == 1 && direct.isEmpty()) {
                policy = policyOf.get(escalations.get(0).id());
            } else {
                // Several engagements start together in the source: one policy whose first stage pages all the
                // direct ones and whose stages merge the paths' stages in step.
                Set<String> roles = new LinkedHashSet<>();
                Set<String> people = new LinkedHashSet<>();
                direct.forEach(t -> target(t, subject, roles, people, 1));
                List<MusterPlan.Stage> stages = new ArrayList<>();
                List<MusterPlan.Policy> paths = escalations.stream()
                        .map(t -> policies.stream().filter(p -> p.name().equals(policyOf.get(t.id()))).findFirst()
                                .orElseThrow())
                        .toList();
                int length = paths.stream().mapToInt(p -> p.stages().size()).max().orElse(0);
                for (int i = 0; i < Math.max(1, length); i++) {
                    Set<String> r = new LinkedHashSet<>(i == 0 ? roles : Set.of());
                    Set<String> c = new LinkedHashSet<>(i == 0 ? people : Set.of());
                    Integer timeout = null;
                    for (MusterPlan.Policy p : paths) {
                        if (i < p.stages().size()) {
                            MusterPlan.Stage s = p.stages().get(i);
                            r.addAll(s.roles());
                            c.addAll(s.contactRefs());
                            if (s.timeoutSeconds() != null) {
                                timeout = timeout == null ? s.timeoutSeconds() : Math.min(timeout, s.timeoutSeconds());
                            }
                        }
                    }
                    if (!r.isEmpty() || !c.isEmpty()) {
                        stages.add(new MusterPlan.Stage(List.copyOf(r), List.copyOf(c), timeout));
                    }
                }
                if (escalations.size() > 1) {
                    findings.add(new Finding(Kind.CHANGED, subject, "engages " + escalations.size()
                            + " escalation paths at once; Muster runs one policy, whose stages page theirs in step"));
                }
                policy = uniqueName(policies, rp.displayName() + " engagements");
                if (stages.isEmpty()) {
                    findings.add(new Finding(Kind.NOT_MAPPED, subject, "engages nobody Muster knows"));
                    policy = null;
                } else {
                    policies.add(new MusterPlan.Policy(policy, 0, stages));
                }
            }
            rp.chatChannels().forEach(c -> findings.add(new Finding(Kind.NOT_MAPPED, subject, "chat channel " + c
                    + ": name it among the plan document's backup communication channels")));
            rp.notCarried().forEach(n -> findings.add(new Finding(Kind.NOT_MAPPED, subject, n)));
            return new MusterPlan.ResponsePlan(rp.name(), key(rp.name()), severityOf(rp.impact()), policy);
        }

        String uniqueName(List<MusterPlan.Policy> policies, String wanted) {
            String name = wanted.length() > 120 ? wanted.substring(0, 120) : wanted;
            int n = 2;
            while (true) {
                String candidate = name;
                if (policies.stream().noneMatch(p -> p.name().equals(candidate))) {
                    return name;
                }
                name = wanted + " (" + n++ + ")";
            }
        }
    }

    /** The plan's findings by kind, in the order found: what a dry run prints. */
    public static Map<Kind, List<Finding>> byKind(MusterPlan plan) {
        Map<Kind, List<Finding>> out = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            out.put(k, plan.findings().stream().filter(f -> f.kind() == k).toList());
        }
        return out;
    }
}
