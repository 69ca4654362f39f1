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
        };
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
