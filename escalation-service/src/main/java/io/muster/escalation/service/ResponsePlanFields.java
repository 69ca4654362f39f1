package io.muster.escalation.service;

import io.muster.contracts.Severity;
import java.util.List;
import java.util.UUID;

/**
 * A response plan as a use case receives it to create or replace one: which policy escalates incidents of this
 * type ({@code *} for every type) and severity. {@code requiredRoles}: each must be engaged until someone paged
 * for it acknowledges.
 */
public record ResponsePlanFields(String incidentType, Severity severity, UUID policyId, List<String> rolesToEngage,
        List<String> requiredRoles) {
}
