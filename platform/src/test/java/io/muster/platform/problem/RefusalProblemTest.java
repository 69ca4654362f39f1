package io.muster.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.platform.domain.Refusal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefusalProblemTest {

    @Test
    void anInvalidCommandIsA400NamingTheField() {
        Problem p = ProblemException.problemOf(Refusal.invalid("drillFaults", "only a drill can inject faults"));
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("drillFaults");
        assertThat(p).usingRecursiveComparison()
                .isEqualTo(ProblemException.badRequest("drillFaults", "only a drill can inject faults").problem());
    }

    @Test
    void aMissingThingIsA404WithTheSameShapeAsBefore() {
        UUID id = UUID.fromString("6f1c2a52-8f0e-4a43-9d59-0c2f1c0b7a11");
        Problem p = ProblemException.problemOf(Refusal.notFound("Incident", id));
        assertThat(p).usingRecursiveComparison().isEqualTo(ProblemException.notFound("Incident", id).problem());
        assertThat(p.status()).isEqualTo(404);
        assertThat(p.title()).isEqualTo("Incident not found");
    }

    @Test
    void stateRulesAre409And422WithTheirSlug() {
        Problem conflict = ProblemException.problemOf(Refusal.conflict("incident-resolved", "status", "resolved"));
        Problem unprocessable = ProblemException.problemOf(Refusal.unprocessable("no-channel", null, "none"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict).usingRecursiveComparison()
                .isEqualTo(ProblemException.conflict("incident-resolved", "status", "resolved").problem());
        assertThat(unprocessable.status()).isEqualTo(422);
        assertThat(unprocessable.errors()).isEmpty();
    }

    @Test
    void severalInvalidFieldsAreReportedTogether() {
        Problem two = ProblemException.problemOf(Refusal.invalid(java.util.List.of(
                new Refusal.FieldError("managerId", "must be another person"),
                new Refusal.FieldError("lastReviewedAt", "must not be in the future"))));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.type()).endsWith("invalid-request");
        assertThat(two.detail()).isEqualTo("2 fields are invalid");
        assertThat(two.errors()).extracting(Problem.FieldError::field).containsExactly("managerId", "lastReviewedAt");
        Problem one = ProblemException.problemOf(Refusal.invalid(java.util.List.of(
                new Refusal.FieldError("timeZone", "must be an IANA time zone"))));
        assertThat(one.detail()).isEqualTo("timeZone: must be an IANA time zone");
        assertThat(one.errors()).extracting(Problem.FieldError::message).containsExactly("must be an IANA time zone");
    }

    @Test
    void aForbiddenActionIsA403WithItsRule() {
        Problem p = ProblemException.problemOf(Refusal.forbidden("not-a-responder", null, "you were not paged"));
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.title()).isEqualTo("Forbidden");
        assertThat(p.type()).endsWith("not-a-responder");
        assertThat(p.errors()).isEmpty();
    }

    @Test
    void aRuleWithItsOwnTitleKeepsItsSlugTitleAndFieldMessages() {
        Problem gone = ProblemException.problemOf(Refusal.titled(Refusal.Kind.GONE, "ack-link-expired",
                "Ack link expired", "this link expired at 2026-01-01T00:00:00Z", "token", "expired"));
        assertThat(gone).usingRecursiveComparison().isEqualTo(Problem.of("ack-link-expired", "Ack link expired", 410,
                "this link expired at 2026-01-01T00:00:00Z", java.util.List.of(new Problem.FieldError("token",
                        "expired"))));
        Problem unknown = ProblemException.problemOf(Refusal.titled(Refusal.Kind.UNAUTHORIZED,
                "unknown-integration-key", "Unauthorized", "the key is not known", java.util.List.of()));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.title()).isEqualTo("Unauthorized");
        assertThat(unknown.errors()).isEmpty();
        Problem imported = ProblemException.problemOf(Refusal.titled(Refusal.Kind.INVALID, "invalid-import",
                "Import refused", "2 problems found", java.util.List.of(new Refusal.FieldError("people[0].name",
                        "must not be blank"), new Refusal.FieldError("line 3", "too few columns"))));
        assertThat(imported.status()).isEqualTo(400);
        assertThat(imported.type()).endsWith("invalid-import");
        assertThat(imported.detail()).isEqualTo("2 problems found");
        assertThat(imported.errors()).extracting(Problem.FieldError::field).containsExactly("people[0].name", "line 3");
    }

    @Test
    void goneAndUnauthorizedWithoutTitleUseTheirStatusName() {
        Problem gone = ProblemException.problemOf(Refusal.titled(Refusal.Kind.GONE, "x", null, "old",
                java.util.List.of()));
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.title()).isEqualTo("Gone");
    }
}
