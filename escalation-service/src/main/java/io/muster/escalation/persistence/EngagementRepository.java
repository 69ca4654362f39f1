package io.muster.escalation.persistence;

import io.muster.escalation.domain.Engagement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The page (engagement) queries of the incident use cases. */
@ApplicationScoped
public class EngagementRepository {

    public Optional<Engagement> find(UUID pageId) {
        return pageId == null ? Optional.empty() : Optional.ofNullable(Engagement.findById(pageId));
    }

    /** The pages of these people on the incident that expect an answer (notices left out). */
    public List<Engagement> answerablePagesOf(UUID incidentId, List<UUID> people) {
        return Engagement.list("incidentId = ?1 and contactId in ?2 and notifyOnly = false", incidentId, people);
    }

    /** The roles this person was paged for on the incident. */
    public Set<String> rolesPagedFor(UUID incidentId, UUID contactId) {
        return Engagement.<Engagement>list("incidentId = ?1 and contactId = ?2", incidentId, contactId).stream()
                .map(e -> e.roleKey).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
