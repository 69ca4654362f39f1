package io.muster.escalation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Who is asking for an incident change, as the incident rules see them.
 *
 * @param kind   a person (responder or admin token), a calling system (integration token or integration key), or
 *               the game-day service
 * @param ref    the caller's stable identity, recorded on the incidents it raises: {@code token:<subject>} or
 *               {@code key:<fingerprint of the integration key>} (never the key itself)
 * @param name   what the timeline and the incident show as the actor
 * @param names  the names a signed-in caller goes by (subject, username, principal), to find their person
 * @param emails the addresses a signed-in caller is known by (the names and a verified {@code email} claim)
 * @param admin  holds the admin role
 */
public record Caller(Kind kind, String ref, String name, Set<String> names, Set<String> emails, boolean admin) {

    public enum Kind {
        PERSON, INTEGRATION, GAMEDAY
    }

    public Caller {
        names = Set.copyOf(names);
        emails = Set.copyOf(emails);
    }

    /** A monitoring system authenticated by its integration key (Events v2, Alertmanager). */
    public static Caller of(IntegrationKey key) {
        return new Caller(Kind.INTEGRATION, "key:" + fingerprint(key.key), "integration:" + key.name, Set.of(),
                Set.of(), false);
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }

    /** The first 24 hex digits of the key's SHA-256: names the key on an incident without revealing it. */
    static String fingerprint(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
