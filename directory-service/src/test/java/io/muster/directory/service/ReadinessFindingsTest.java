package io.muster.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.directory.domain.ActionItemReplica;
import io.muster.directory.domain.Person;
import io.muster.directory.domain.PersonPreparedness;
import io.muster.directory.domain.PlanDocumentReplica;
import io.muster.directory.domain.PreparednessItem;
import io.muster.directory.domain.PreparednessState;
import io.muster.directory.domain.ReadinessReport.Finding;
import io.muster.directory.domain.ReadinessReport.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure rules behind the new readiness findings and when two sets of findings count as the same. */
class ReadinessFindingsTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    static PreparednessItem item(String role, String key, int recheckDays) {
        PreparednessItem item = new PreparednessItem();
        item.roleKey = role;
        item.itemKey = key;
        item.kind = PreparednessItem.Kind.ACCESS;
        item.name = "Break-glass role";
        item.description = "";
        item.howToGet = "Ask the cloud team";
        item.recheckDays = recheckDays;
        return item;
    }

    static PersonPreparedness checked(UUID person, String key, boolean inPlace, Instant at) {
        PersonPreparedness check = new PersonPreparedness();
        check.personId = person;
        check.itemKey = key;
        check.inPlace = inPlace;
        check.checkedAt = at;
        check.checkedBy = "alice";
        return check;
    }

    static Person person(String... roles) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.displayName = "Alice Adams";
        person.roles = List.of(roles);
        return person;
    }

    @Test
    void anItemTwoRolesAskForIsOneRequirementOnTheShorterPeriod() {
        Map<String, List<PreparednessItem>> byRole = Map.of(
                "incident-commander", List.of(item("incident-commander", "break-glass", 90)),
                "security-analyst", List.of(item("security-analyst", "break-glass", 30),
                        item("security-analyst", "edr-console", 30)),
                "legal-counsel", List.of(item("legal-counsel", "counsel-portal", 365)));
        Map<String, PreparednessRegister.Requirement> required = PreparednessRegister.requirementsOf(
                person("security-analyst", "incident-commander"), byRole);
        assertThat(required.keySet()).containsExactly("break-glass", "edr-console");
        assertThat(required.get("break-glass").roles()).containsExactly("incident-commander", "security-analyst");
        assertThat(required.get("break-glass").recheckDays()).isEqualTo(30);
    }

    @Test
    void aCheckCountsForItsPeriodAndNoLonger() {
        PreparednessRegister.Requirement thirtyDays = new PreparednessRegister.Requirement("break-glass",
                PreparednessItem.Kind.ACCESS, "Break-glass role", "", "", List.of("incident-commander"), 30);
        UUID id = UUID.randomUUID();
        assertThat(PreparednessRegister.standing(thirtyDays, null, NOW).state()).isEqualTo(PreparednessState.NEVER_CHECKED);
        assertThat(PreparednessRegister.standing(thirtyDays, checked(id, "break-glass", false, NOW), NOW).state())
                .isEqualTo(PreparednessState.NOT_IN_PLACE);
        // Checked 29 days 23 hours ago: still counts; exactly 30 days ago: due again.
        Instant recent = NOW.minusSeconds(30L * 86_400 - 3_600);
        PreparednessRegister.Standing fresh = PreparednessRegister.standing(thirtyDays,
                checked(id, "break-glass", true, recent), NOW);
        assertThat(fresh.state()).isEqualTo(PreparednessState.IN_PLACE);
        assertThat(fresh.recheckDueAt()).isEqualTo(NOW.plusSeconds(3_600));
        assertThat(PreparednessRegister.standing(thirtyDays,
                checked(id, "break-glass", true, NOW.minusSeconds(30L * 86_400)), NOW).state())
                .isEqualTo(PreparednessState.RECHECK_DUE);
    }

    @Test
    void eachStandingButInPlaceIsAFindingWithTheWayToFixIt() {
        Person alice = person("incident-commander");
        PreparednessRegister.Requirement req = new PreparednessRegister.Requirement("break-glass",
                PreparednessItem.Kind.ACCESS, "Break-glass role", "", "Ask the cloud team",
                List.of("incident-commander"), 30);
        assertThat(ReadinessCheck.preparednessFinding(alice,
                PreparednessRegister.standing(req, checked(alice.id, "break-glass", true, NOW), NOW))).isEmpty();
        Finding never = ReadinessCheck.preparednessFinding(alice,
                PreparednessRegister.standing(req, null, NOW)).orElseThrow();
        assertThat(never.code()).isEqualTo(ReadinessCheck.PREPAREDNESS_MISSING);
        assertThat(never.severity()).isEqualTo(Severity.HIGH);
        assertThat(never.subjectId()).isEqualTo(alice.id.toString());
        assertThat(never.message()).isEqualTo(
                "access \"Break-glass role\" (break-glass, for incident-commander) has never been checked");
        assertThat(never.remedy()).contains("How to get it: Ask the cloud team")
                .endsWith("PUT /api/v1/people/" + alice.id + "/preparedness/break-glass.");
        Finding stale = ReadinessCheck.preparednessFinding(alice, PreparednessRegister.standing(req,
                checked(alice.id, "break-glass", true, NOW.minusSeconds(31L * 86_400)), NOW)).orElseThrow();
        assertThat(stale.code()).isEqualTo(ReadinessCheck.PREPAREDNESS_RECHECK_DUE);
        assertThat(stale.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anOpenActionItemIsLowUntilItsDueDatePassesAndADoneOneIsNothing() {
        ActionItemReplica item = new ActionItemReplica();
        item.actionItemId = UUID.randomUUID();
        item.source = "GAME_DAY_RUN";
        item.sourceTitle = "Monthly DDoS drill";
        item.title = "Add a second phone bridge";
        item.status = "OPEN";
        item.dueOn = TODAY;
        assertThat(ReadinessCheck.actionItemFinding(item, null, TODAY).orElseThrow().severity())
                .as("due today is not overdue yet").isEqualTo(Severity.LOW);
        Finding overdue = ReadinessCheck.actionItemFinding(item, null, TODAY.plusDays(1)).orElseThrow();
        assertThat(overdue.code()).isEqualTo(ReadinessCheck.ACTION_ITEM_OVERDUE);
        assertThat(overdue.message()).isEqualTo(
                "from the review of game day run \"Monthly DDoS drill\": was due on 2026-12-02, nobody owns it");
        item.status = "DONE";
        assertThat(ReadinessCheck.actionItemFinding(item, null, TODAY.plusDays(9))).isEmpty();
    }

    @Test
    void thePlanIsAFindingUntilPublishedAndAgainOnceItsReviewDatePasses() {
        assertThat(ReadinessCheck.planFinding(null, TODAY).orElseThrow().code())
                .isEqualTo(ReadinessCheck.PLAN_NOT_PUBLISHED);
        PlanDocumentReplica plan = new PlanDocumentReplica();
        assertThat(ReadinessCheck.planFinding(plan, TODAY).orElseThrow().code())
                .isEqualTo(ReadinessCheck.PLAN_NOT_PUBLISHED);
        plan.publishedVersion = 2;
        plan.approvedBy = "ciso";
        plan.reviewDueOn = TODAY;
        assertThat(ReadinessCheck.planFinding(plan, TODAY)).isEmpty();
        Finding overdue = ReadinessCheck.planFinding(plan, TODAY.plusDays(1)).orElseThrow();
        assertThat(overdue.code()).isEqualTo(ReadinessCheck.PLAN_REVIEW_OVERDUE);
        assertThat(overdue.message()).isEqualTo("version 2 (approved by ciso) was due for review on 2026-12-02");
    }

    @Test
    void findingsAreTheSameInAnyOrderAndARotationGapsMovingStartDoesNotCount() {
        Finding gap = new Finding(ReadinessCheck.ROTATION_GAP, Severity.HIGH, "rotation", "r1", "SecOps",
                "nobody is on call from 2026-12-02T12:00:00Z", "Add members");
        Finding later = new Finding(ReadinessCheck.ROTATION_GAP, Severity.HIGH, "rotation", "r1", "SecOps",
                "nobody is on call from 2026-12-02T12:15:00Z", "Add members");
        Finding role = new Finding(ReadinessCheck.ROLE_UNDERSTAFFED, Severity.HIGH, "role", "legal-counsel",
                "Legal counsel", "1 reachable person holds this role, 2 needed", "Assign the role");
        Finding fewer = new Finding(ReadinessCheck.ROLE_UNDERSTAFFED, Severity.CRITICAL, "role", "legal-counsel",
                "Legal counsel", "0 reachable people hold this role, 2 needed", "Assign the role");
        String fingerprint = ReadinessPublication.fingerprint(List.of(gap, role));
        assertThat(ReadinessPublication.fingerprint(List.of(role, later))).isEqualTo(fingerprint);
        assertThat(ReadinessPublication.fingerprint(List.of(gap, fewer))).isNotEqualTo(fingerprint);
        assertThat(ReadinessPublication.fingerprint(List.of(gap))).isNotEqualTo(fingerprint);
    }
}
