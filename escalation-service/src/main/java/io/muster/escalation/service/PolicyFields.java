package io.muster.escalation.service;

import io.muster.escalation.domain.StageDefinition;
import io.muster.escalation.domain.Stakeholders;
import java.util.List;

/** An escalation policy as a use case receives it to create or replace one; {@code stakeholders} may be null. */
public record PolicyFields(String name, int repeats, List<StageDefinition> stages, Stakeholders stakeholders) {
}
