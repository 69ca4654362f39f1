package io.muster.platform.problem;

import io.muster.platform.domain.Refusal;
import java.util.List;

/**
 * A request Muster refuses for a reason the caller can fix. Thrown from use cases and resources; the service's
 * exception mapper turns it into problem+json. Throwing it inside a transaction rolls the transaction back.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The problem+json a domain {@link Refusal} becomes at the edge; the same shapes as the factories below. */
    public static Problem problemOf(Refusal refusal) {
        if (refusal.title() != null) {
            return Problem.of(refusal.slug(), refusal.title(), statusOf(refusal.kind()), refusal.getMessage(),
                    fieldErrors(refusal));
        }
        return switch (refusal.kind()) {
            case INVALID -> refusal.errors().size() == 1 && refusal.errors().get(0).message().equals(refusal.getMessage())
                    ? badRequest(refusal.field(), refusal.getMessage()).problem()
                    : new ProblemException(Problem.of("invalid-request", "Invalid request", 400, refusal.getMessage(),
                            refusal.errors().stream().map(e -> new Problem.FieldError(e.field(), e.message()))
                                    .toList())).problem();
            case NOT_FOUND -> new ProblemException(Problem.of("not-found", refusal.subject() + " not found", 404,
                    refusal.getMessage(), List.of())).problem();
            case CONFLICT -> conflict(refusal.slug(), refusal.field(), refusal.getMessage()).problem();
            case UNPROCESSABLE -> unprocessable(refusal.slug(), refusal.field(), refusal.getMessage()).problem();
            case FORBIDDEN -> new ProblemException(Problem.of(refusal.slug(), "Forbidden", 403, refusal.getMessage(),
                    refusal.field() == null ? List.of()
                            : List.of(new Problem.FieldError(refusal.field(), refusal.getMessage())))).problem();
            case UNAUTHORIZED -> Problem.of(refusal.slug(), "Unauthorized", 401, refusal.getMessage(),
                    fieldErrors(refusal));
            case GONE -> Problem.of(refusal.slug(), "Gone", 410, refusal.getMessage(), fieldErrors(refusal));
        };
    }

    /** The HTTP status each kind of refusal is answered with. */
    static int statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case UNPROCESSABLE -> 422;
        };
    }

    private static List<Problem.FieldError> fieldErrors(Refusal refusal) {
        return refusal.errors().stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList();
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of("not-found", what + " not found", 404,
                what + " " + id + " does not exist", List.of()));
    }

    public static ProblemException conflict(String slug, String field, String message) {
        return new ProblemException(Problem.of(slug, "Conflict", 409, message,
                field == null ? List.of() : List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException unprocessable(String slug, String field, String message) {
        return new ProblemException(Problem.of(slug, "Request cannot be carried out", 422, message,
                field == null ? List.of() : List.of(new Problem.FieldError(field, message))));
    }
}
