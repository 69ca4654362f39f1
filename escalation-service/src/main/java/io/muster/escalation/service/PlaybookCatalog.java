package io.muster.escalation.service;

import io.muster.escalation.domain.Playbook;
import io.muster.escalation.domain.PlaybookStep;
import io.muster.escalation.persistence.ReplicaDirectory;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * Keeps the playbooks, one per incident type ({@code *} for the rest). Edits apply to incidents raised (or
 * reclassified) afterwards: a running incident keeps the copy it got. Step owners are checked against the
 * directory's role catalog as the replica holds it, once the replica holds any role.
 */
@ApplicationScoped
public class PlaybookCatalog {

    static final String AUDIT_PLAYBOOK = "playbook";

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** The playbook as stored, and whether this request created it. */
    public record Saved(PlaybookState playbook, boolean created) {
    }

    @Transactional
    public List<PlaybookState> playbooks() {
        return Playbook.all().stream().map(p -> PlaybookState.of(p, p.steps())).toList();
    }

    @Transactional
    public PlaybookState playbook(String incidentType) {
        Playbook playbook = find(incidentType);
        return PlaybookState.of(playbook, playbook.steps());
    }

    /** Creates or replaces the playbook of an incident type: every step as given, none kept from before. */
    @Transactional
    public Saved put(String incidentType, PlaybookFields request, String actor) {
        checkSteps(request.steps());
        // Two first PUTs for one type at once must not both insert.
        Playbook.getEntityManager().createNativeQuery(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked")
                .setParameter(1, "playbook:" + incidentType).getSingleResult();
        Playbook playbook = Playbook.findById(incidentType);
        boolean created = playbook == null;
        PlaybookState before = null;
        Map<String, PlaybookStep> existing = new HashMap<>();
        if (created) {
            playbook = new Playbook();
            playbook.incidentType = incidentType;
        } else {
            List<PlaybookStep> steps = playbook.steps();
            before = PlaybookState.of(playbook, steps);
            steps.forEach(s -> existing.put(s.stepKey, s));
        }
        playbook.name = request.name().strip();
        playbook.description = request.description() == null ? "" : request.description().strip();
        playbook.updatedAt = clock.instant();
        playbook.updatedBy = actor;
        if (created) {
            playbook.persist();
        }
        // Steps sort by phase; within a phase they keep the order given. Steps are updated in place by key, so a
        // key kept across edits is the same row.
        List<PlaybookFields.Step> ordered = new ArrayList<>(request.steps());
        ordered.sort(Comparator.comparing(PlaybookFields.Step::phase));
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            PlaybookFields.Step given = ordered.get(i);
            PlaybookStep step = existing.get(given.key());
            if (step == null) {
                step = new PlaybookStep();
                step.incidentType = incidentType;
                step.stepKey = given.key();
            }
            step.phase = given.phase();
            step.ordinal = i;
            step.title = given.title().strip();
            step.detail = given.detail() == null ? "" : given.detail().strip();
            step.ownerRole = given.ownerRole();
            step.link = given.link() == null || given.link().isBlank() ? null : given.link().strip();
            if (!existing.containsKey(given.key())) {
                step.persist();
            }
            kept.add(given.key());
        }
        existing.values().stream().filter(s -> !kept.contains(s.stepKey)).forEach(PlaybookStep::delete);
        Playbook.flush();
        PlaybookState after = PlaybookState.of(playbook, playbook.steps());
        audit.record(AUDIT_PLAYBOOK, incidentType, created ? "created" : "updated", actor, before, after);
        return new Saved(after, created);
    }

    /** Removes a playbook; incidents that got it keep their copy. */
    @Transactional
    public void delete(String incidentType, String actor) {
        Playbook playbook = find(incidentType);
        audit.record(AUDIT_PLAYBOOK, incidentType, "deleted", actor,
                PlaybookState.of(playbook, playbook.steps()), null);
        PlaybookStep.deleteOfPlaybook(incidentType);
        playbook.delete();
    }

    private static Playbook find(String incidentType) {
        Playbook playbook = Playbook.findById(incidentType);
        if (playbook == null) {
            throw Refusal.notFound("Playbook", incidentType);
        }
        return playbook;
    }

    /**
     * What bean validation cannot see: keys unique within the playbook, links that are https addresses with a host
     * (and no credentials in them), and owner roles the directory knows. The role catalog is the replica's: until
     * it holds any role (a new installation whose directory has not published yet) every well-formed key is taken.
     */
    private static void checkSteps(List<PlaybookFields.Step> steps) {
        Map<String, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            Integer earlier = firstAt.putIfAbsent(steps.get(i).key(), i);
            if (earlier != null) {
                throw Refusal.invalid("steps[" + i + "].key", "step key '" + steps.get(i).key()
                        + "' is also the key of steps[" + earlier + "]; each step needs its own");
            }
            String link = steps.get(i).link();
            if (link != null && !link.isBlank() && !isHttpsLink(link.strip())) {
                throw Refusal.invalid("steps[" + i + "].link",
                        "must be an https link with a host name, like https://wiki.example.org/runbooks/ransomware");
            }
        }
        SortedSet<String> roles = ReplicaDirectory.roleKeys();
        if (roles.isEmpty()) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            String owner = steps.get(i).ownerRole();
            if (!roles.contains(owner)) {
                throw Refusal.unprocessable("unknown-role", "steps[" + i + "].ownerRole",
                        "role '" + owner + "' is not in the directory; known roles: " + String.join(", ", roles));
            }
        }
    }

    static boolean isHttpsLink(String link) {
        try {
            URI uri = new URI(link);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
