package io.muster.importers.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import io.muster.importers.mapping.MusterPlan;
import io.muster.importers.mapping.MusterPlan.Kind;
import io.muster.importers.mapping.OrganisationMapping;
import io.muster.importers.source.SourceOrganisation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 20-user PagerDuty account (two schedules, one with a weekend layer, rotations across the 2025 daylight saving
 * changes, a three-rule escalation policy looping twice, two services) read through the REST API v2 from a stand-in
 * that pages by three and throttles, then mapped by the same rules as every other source.
 */
class PagerDutyImportTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static PagerDutyStandIn standIn;
    static SourceOrganisation source;
    static MusterPlan plan;
    static List<String> callsOfTheRead;

    @BeforeAll
    static void read() {
        standIn = new PagerDutyStandIn("/pagerduty/account.json");
        standIn.throttle("/users", 1);
        source = new PagerDutyReader(new PagerDutyApi(standIn.endpoint(), PagerDutyStandIn.TOKEN),
                Clock.fixed(NOW, ZoneOffset.UTC)).read();
        callsOfTheRead = standIn.calls();
        plan = new OrganisationMapping(ZoneId.of("UTC")).map(source);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void everyPageIsReadAndTheRateLimitIsWaitedOut() {
        // 20 users at 3 a page: 7 pages, the first asked twice (once answered 429).
        assertThat(callsOfTheRead.stream().filter(c -> c.equals("/users offset=0")).count()).isEqualTo(2);
        assertThat(callsOfTheRead).contains("/users offset=18", "/schedules/PSCHED1",
                "/schedules/PSCHED1/overrides offset=0");
        assertThat(source.people()).hasSize(20);
        assertThat(source.schedules()).hasSize(2);
    }

    @Test
    void usersKeepTheirZoneAndChannelsButNoneIsTakenAsVerified() {
        MusterPlan.Person amara = person("amara.okafor");
        assertThat(amara.timeZone()).isEqualTo("America/New_York");
        assertThat(amara.channels()).extracting(MusterPlan.Channel::type)
                .containsExactly(ChannelType.EMAIL, ChannelType.SMS);
        assertThat(plan.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.NOT_MAPPED);
            assertThat(f.subject()).isEqualTo("contact amara.okafor");
            assertThat(f.detail()).contains("is a voice channel").contains("left out");
        });
        assertThat(amara.channels().get(1).address()).isEqualTo("+155501" + "0000");
        assertThat(plan.directory().people()).flatExtracting(MusterPlan.Person::channels)
                .noneMatch(MusterPlan.Channel::verified);
        assertThat(plan.findings()).anySatisfy(f -> assertThat(f.detail()).contains("Phone app")
                .contains("has no Muster channel"));
    }

    @Test
    void layersBecomeRotationsOfTheSchedulesRoleAndTheirDifferenceIsReported() {
        assertThat(plan.roles()).extracting(MusterPlan.Role::key).containsExactly("secops-primary",
                "secops-secondary");
        MusterPlan.Rotation weekly = rotation("SecOps Primary / Weekly");
        assertThat(weekly.shiftUnit()).isEqualTo(ShiftUnit.WEEKS);
        assertThat(weekly.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-27T09:00"));
        assertThat(weekly.timeZone()).isEqualTo("America/New_York");
        assertThat(rotation("SecOps Primary / Weekend cover").roleKey()).isEqualTo("secops-primary");
        assertThat(plan.findings()).filteredOn(f -> f.subject().equals("rotation SecOps Primary / Weekend cover"))
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("2 layers"))
                .anySatisfy(d -> assertThat(d).contains("restricted"));
        // A layer that ended is history, not a rotation.
        assertThat(plan.directory().rotations()).extracting(MusterPlan.Rotation::name)
                .doesNotContain("SecOps Secondary / Old layer");
        assertThat(plan.overrides()).containsExactly(new MusterPlan.Override("SecOps Primary / Weekly",
                "elena.petrova", Instant.parse("2027-01-01T08:00:00Z"), Instant.parse("2027-01-02T08:00:00Z")));
        // New York left daylight saving on 2025-11-02: Monday's hand-off stays at 09:00 local (14:00 UTC).
        RotationSnapshot snapshot = new RotationSnapshot(UUID.randomUUID(), weekly.name(), UUID.randomUUID(),
                weekly.roleKey(), weekly.timeZone(), weekly.handoffStart(), weekly.shiftUnit(), weekly.shiftLength(),
                weekly.memberRefs().stream().map(r -> UUID.nameUUIDFromBytes(r.getBytes())).toList(), List.of());
        assertThat(snapshot.onCallAt(Instant.parse("2025-11-03T13:30:00Z")).get(0))
                .isEqualTo(UUID.nameUUIDFromBytes("amara.okafor".getBytes()));
        assertThat(snapshot.onCallAt(Instant.parse("2025-11-03T14:00:00Z")).get(0))
                .isEqualTo(UUID.nameUUIDFromBytes("li.wei".getBytes()));
    }

    @Test
    void thePolicyPagesRolesLoopsAsPagerDutyDoesAndServicesBecomePlans() {
        MusterPlan.Policy policy = plan.policies().stream().filter(p -> p.name().equals("Security escalation"))
                .findFirst().orElseThrow();
        assertThat(policy.repeats()).isEqualTo(2);
        assertThat(policy.stages()).containsExactly(
                new MusterPlan.Stage(List.of("secops-primary"), List.of(), 300),
                new MusterPlan.Stage(List.of("secops-secondary"), List.of(), 600),
                new MusterPlan.Stage(List.of(), List.of("dana.reyes"), 900));
        assertThat(plan.responsePlans()).filteredOn(p -> p.incidentType().equals("security-alerts"))
                .extracting(MusterPlan.ResponsePlan::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(plan.responsePlans()).allSatisfy(p -> assertThat(p.policy()).isEqualTo("Security escalation"));
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.NOT_MAPPED)
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("routing key …8f90").doesNotContain("a1b2c3d4"));
    }

    @Test
    void aRefusedTokenIsAClearError() {
        PagerDutyApi wrong = new PagerDutyApi(standIn.endpoint(), "not-the-token");
        assertThatThrownBy(() -> new PagerDutyReader(wrong, Clock.systemUTC()).read())
                .isInstanceOf(io.muster.importers.http.ProviderHttp.ApiException.class).hasMessageContaining("refused the token (401)");
    }

    private static MusterPlan.Rotation rotation(String name) {
        return plan.directory().rotations().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static MusterPlan.Person person(String ref) {
        return plan.directory().people().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }
}
