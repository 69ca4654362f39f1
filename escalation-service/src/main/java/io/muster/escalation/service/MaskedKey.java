package io.muster.escalation.service;

import io.muster.escalation.domain.IntegrationKey;
import io.muster.platform.audit.AuditMasking;
import java.time.Instant;

/**
 * An integration key as the audit log keeps it: the secret masked, everything else as is. Its fields match the
 * API's key view so audit entries read the same as the key the caller saw.
 */
public record MaskedKey(String integrationKey, String name, String incidentType, String createdBy,
        Instant createdAt) {

    public static MaskedKey of(IntegrationKey k) {
        return new MaskedKey(AuditMasking.secret(k.key), k.name, k.incidentType, k.createdBy, k.createdAt);
    }
}
