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
        UNPROCESSABLE,
        /** The caller is known but may not do this to this thing (403), for example acknowledge another's page. */
        FORBIDDEN,
        /** The caller is not known: the credential it presented names no one (401), for example an unknown key. */
        UNAUTHORIZED,
        /** The thing existed but no longer serves (410), for example an expired acknowledgement link. */
        GONE
    }

    /** One part of an invalid command and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String slug;
    private final String field;
    private final String subject;
    private final String title;
    private final java.util.List<FieldError> errors;

    private Refusal(Kind kind, String slug, String field, String subject, String message) {
        this(kind, slug, field, subject, null, message, field == null ? java.util.List.of()
                : java.util.List.of(new FieldError(field, message)));
    }

    private Refusal(Kind kind, String slug, String field, String subject, String title, String message,
            java.util.List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.slug = slug;
        this.field = field;
        this.subject = subject;
        this.title = title;
        this.errors = java.util.List.copyOf(errors);
    }

    /** The command is wrong in {@code field}. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, "invalid-request", field, null, message);
    }

    /**
     * The command is wrong in several fields at once, all reported together so the caller fixes them in one go. The
     * message reads {@code field: message} for one, {@code N fields are invalid} for more.
     */
    public static Refusal invalid(java.util.List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid command names at least one field");
        }
        String message = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Refusal(Kind.INVALID, "invalid-request", errors.get(0).field(), null, null, message, errors);
    }

    /**
     * A refusal under a rule that has its own title for callers, such as "Ack link expired" ({@link Kind#GONE}) or
     * "Import refused" ({@link Kind#INVALID} with every problem of an import). {@code message} explains the whole
     * refusal; {@code errors} (may be empty) name the parts concerned, each with its own short message.
     */
    public static Refusal titled(Kind kind, String slug, String title, String message,
            java.util.List<FieldError> errors) {
        return new Refusal(kind, slug, errors.isEmpty() ? null : errors.get(0).field(), null, title, message, errors);
    }

    /** One part, {@code field}, concerns a {@link #titled} refusal; it is described by {@code fieldMessage}. */
    public static Refusal titled(Kind kind, String slug, String title, String message, String field,
            String fieldMessage) {
        return titled(kind, slug, title, message, java.util.List.of(new FieldError(field, fieldMessage)));
    }

    /** The caller may not do this; {@code slug} names the rule, {@code field} (may be null) the part concerned. */
    public static Refusal forbidden(String slug, String field, String message) {
        return new Refusal(Kind.FORBIDDEN, slug, field, null, message);
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

    /** Every field to fix, with what is wrong with each; empty when the refusal concerns no field. */
    public java.util.List<FieldError> errors() {
        return errors;
    }

    /** The title callers see when the rule has its own ({@link #titled}); null for the usual title of the kind. */
    public String title() {
        return title;
    }

    /** For {@link Kind#NOT_FOUND}: what was looked for ("Incident"); otherwise null. */
    public String subject() {
        return subject;
    }
}
