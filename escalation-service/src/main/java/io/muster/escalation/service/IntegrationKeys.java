package io.muster.escalation.service;

import io.muster.escalation.config.EscalationConfig;
import io.muster.escalation.domain.IntegrationKey;
import io.muster.platform.audit.AuditMasking;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Issues and looks up the keys that PagerDuty-style senders and Alertmanager use instead of tokens. */
@ApplicationScoped
public class IntegrationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AUDIT_KEY = "integration-key";

    @Inject
    Clock clock;

    @Inject
    EscalationConfig config;

    @Inject
    AuditTrail audit;

    @Transactional
    void seed(@Observes StartupEvent event) {
        config.seedIntegrationKey().ifPresent(key -> {
            if (key.length() != 32) {
                throw new IllegalStateException("muster.escalation.seed-integration-key must be 32 characters");
            }
            // Replicas starting together on a fresh database both seed: the second insert must not fail its start.
            int inserted = IntegrationKey.getEntityManager().createNativeQuery("INSERT INTO integration_key"
                    + " (integration_key, name, incident_type, created_by, created_at) VALUES (?1, 'seeded',"
                    + " 'security-alert', 'configuration', ?2) ON CONFLICT (integration_key) DO NOTHING")
                    .setParameter(1, key)
                    .setParameter(2, clock.instant())
                    .executeUpdate();
            // Only the instance whose insert took audits it, so the log shows one creation however many started.
            if (inserted == 1) {
                IntegrationKey entity = IntegrationKey.findById(key);
                audit.record(AUDIT_KEY, AuditMasking.secret(key), "created", "configuration", null,
                        MaskedKey.of(entity));
            }
        });
    }

    @Transactional
    public IntegrationKey create(String name, String incidentType, String actor) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        // 32 hex characters: the length PagerDuty clients check routing keys against.
        return store(HexFormat.of().formatHex(secret), name.strip(), incidentType, actor);
    }

    @Transactional
    public List<IntegrationKey> list() {
        return IntegrationKey.listAll(Sort.by("createdAt"));
    }

    @Transactional
    public void revoke(String key, String actor) {
        IntegrationKey entity = IntegrationKey.findById(key);
        if (entity == null) {
            throw Refusal.notFound("Integration key", "(redacted)");
        }
        // The key is the credential: the audit log names it only masked.
        audit.record(AUDIT_KEY, AuditMasking.secret(key), "revoked", actor, MaskedKey.of(entity), null);
        entity.delete();
    }

    @Transactional
    public Optional<IntegrationKey> find(String key) {
        return key == null || key.length() != 32 ? Optional.empty() : IntegrationKey.findByIdOptional(key);
    }

    private IntegrationKey store(String key, String name, String incidentType, String actor) {
        IntegrationKey entity = new IntegrationKey();
        entity.key = key;
        entity.name = name;
        entity.incidentType = incidentType;
        entity.createdBy = actor;
        entity.createdAt = clock.instant();
        entity.persist();
        audit.record(AUDIT_KEY, AuditMasking.secret(key), "created", actor, null, MaskedKey.of(entity));
        return entity;
    }
}
