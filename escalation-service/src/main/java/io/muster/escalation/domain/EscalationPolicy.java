package io.muster.escalation.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ordered stages run once and then repeated {@code extraRepetitions} more times (wire and column: {@code repeats});
 * stages and stakeholders kept as JSON.
 */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    private static final TypeReference<List<StageDefinition>> STAGES = new TypeReference<>() {
    };

    @Id
    public UUID id;

    public String name;

    @Column(name = "repeats")
    public int extraRepetitions;

    /** How many times the stages run in all: once, and then each extra repetition. */
    public int repetitions() {
        return extraRepetitions + 1;
    }

    @Column(name = "stages")
    public String stagesJson;

    @Column(name = "stakeholders")
    public String stakeholdersJson;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<StageDefinition> stages() {
        try {
            return JsonColumns.MAPPER.readValue(stagesJson, STAGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy " + id + " has unreadable stages", e);
        }
    }

    public Stakeholders stakeholders() {
        try {
            Stakeholders s = JsonColumns.MAPPER.readValue(stakeholdersJson, Stakeholders.class);
            return s == null ? Stakeholders.NONE : s;
        } catch (JsonProcessingException e) {
            // The seeded policies store '[]' (no stakeholders).
            return Stakeholders.NONE;
        }
    }

    public void define(List<StageDefinition> stages, Stakeholders stakeholders) {
        try {
            stagesJson = JsonColumns.MAPPER.writeValueAsString(stages);
            stakeholdersJson = JsonColumns.MAPPER.writeValueAsString(stakeholders == null ? Stakeholders.NONE
                    : stakeholders);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
