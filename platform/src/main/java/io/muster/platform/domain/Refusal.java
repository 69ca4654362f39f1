package io.muster.platform.domain;

/**
 * A use case refusing a command for a reason the caller can fix: the input is invalid, the thing it names does
 * not exist, or its current state forbids the change. Domain and service code throws this instead of an HTTP
 * type; the edge ({@code ProblemMappers}) turns it into problem+json with the status its {@link Kind} implies, and
 * an event consumer rejects the record without retrying. Throwing it inside a transaction rolls it back.
 */
public class Refusal extends RuntimeException {

    /** Why the command was refused; each maps to one HTTP status at the edge. */
    public enum Kind {
        /** The command itself is wrong (400): {@link #field()} names the part to fix. */
        INVALID,
        /** The thing the command names does not exist (404). */
        NOT_FOUND,
        /** The current state forbids the change (409), for example acknowledging a resolved incident. */
        CONFLICT,
        /** Well-formed, but it cannot be carried out as asked (422). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String slug;
    private final String field;
    private final String subject;

    private Refusal(Kind kind, String slug, String field, String subject, String message) {
        super(message);
        this.kind = kind;
        this.slug = slug;
        this.field = field;
        this.subject = subject;
    }

    /** The command is wrong in {@code field}. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, "invalid-request", field, null, message);
    }

    /** {@code what} (a noun such as "Incident") with this id does not exist. */
    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, "not-found", null, what, what + " " + id + " does not exist");
    }

    /** The state forbids the change; {@code slug} names the rule, {@code field} (may be null) the part concerned. */
    public static Refusal conflict(String slug, String field, String message) {
        return new Refusal(Kind.CONFLICT, slug, field, null, message);
    }

    /** The command cannot be carried out as asked; {@code slug} names the rule. */
    public static Refusal unprocessable(String slug, String field, String message) {
        return new Refusal(Kind.UNPROCESSABLE, slug, field, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, machine-readable name of the rule that refused, used as the problem type. */
    public String slug() {
        return slug;
    }

    /** The field of the command to fix, or null when the refusal concerns no single field. */
    public String field() {
        return field;
    }

    /** For {@link Kind#NOT_FOUND}: what was looked for ("Incident"); otherwise null. */
    public String subject() {
        return subject;
    }
}
