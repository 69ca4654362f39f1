package io.muster.importers.grafana;

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
 * A 20-user Grafana OnCall organisation (three web schedules and an iCal one, rolling-users shifts across the 2025
 * daylight saving changes in London and New York, a three-step chain that repeats, three integrations) read through
 * the public HTTP API from a stand-in that pages by four, throttles and writes its links with an internal host, then
 * mapped by the same rules as every other source.
 */
class GrafanaOnCallImportTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static GrafanaOnCallStandIn standIn;
    static SourceOrganisation source;
    static MusterPlan plan;
    static List<String> callsOfTheRead;

    @BeforeAll
    static void read() {
        standIn = new GrafanaOnCallStandIn("/grafana/organisation.json");
        standIn.throttle("/api/v1/users/", 1);
        source = new GrafanaOnCallReader(new GrafanaOnCallApi(standIn.endpoint(), GrafanaOnCallStandIn.TOKEN),
                Clock.fixed(NOW, ZoneOffset.UTC)).read();
        callsOfTheRead = standIn.calls();
        plan = new OrganisationMapping(ZoneId.of("Europe/Dublin")).map(source);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void everyPageIsReadAtTheGivenHostAndTheRateLimitIsWaitedOut() {
        // 20 users at 4 a page: 5 pages, the first asked twice (once answered 429).
        assertThat(callsOfTheRead.stream().filter(c -> c.equals("/api/v1/users/")).count()).isEqualTo(2);
        assertThat(callsOfTheRead).contains("/api/v1/users/?page=5", "/api/v1/on_call_shifts/?page=2",
                "/api/v1/escalation_policies/?page=4", "/api/v1/integrations/");
        assertThat(callsOfTheRead).doesNotContain("/api/v1/users/?page=6");
        assertThat(source.people()).hasSize(20);
        assertThat(source.schedules()).hasSize(4);
    }

    @Test
    void usersArriveWithTheirEmailOnlyAndTheMissingNumbersAreReported() {
        MusterPlan.Person amara = person("amara.okafor");
        assertThat(amara.timeZone()).isEqualTo("Europe/London");
        assertThat(amara.channels()).containsExactly(new MusterPlan.Channel(ChannelType.EMAIL,
                "amara.okafor@example.com", 1, false));
        assertThat(plan.directory().people()).flatExtracting(MusterPlan.Person::channels)
                .noneMatch(MusterPlan.Channel::verified)
                .allMatch(c -> c.type() == ChannelType.EMAIL);
        assertThat(plan.findings()).anySatisfy(f -> assertThat(f.detail()).contains("phone numbers")
                .contains("add their SMS numbers in Muster"));
        // No zone in OnCall and in no rotation: the command's default.
        assertThat(person("nadia.rahman").timeZone()).isEqualTo("Europe/Dublin");
    }

    @Test
    void rollingUsersShiftsBecomeRotationsOfTheSchedulesRole() {
        assertThat(plan.roles()).extracting(MusterPlan.Role::key).containsExactly("platform-primary",
                "platform-secondary", "sre-follow-the-sun", "database-on-call");
        MusterPlan.Rotation weekly = rotation("Platform Primary / Weekly");
        assertThat(weekly.shiftUnit()).isEqualTo(ShiftUnit.WEEKS);
        assertThat(weekly.shiftLength()).isEqualTo(1);
        assertThat(weekly.timeZone()).isEqualTo("Europe/London");
        assertThat(weekly.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-20T09:00"));
        assertThat(weekly.memberRefs()).containsExactly("amara.okafor", "tariq.aziz", "chloe.martin", "isla.brown");
        assertThat(plan.findings()).filteredOn(f -> f.subject().equals("rotation Platform Primary / Weekly"))
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("2 shifts at 2 priority levels"));

        // start_rotation_from_user_index 1: the second group is on call first.
        MusterPlan.Rotation daily = rotation("Platform Secondary / Every other day");
        assertThat(daily.shiftUnit()).isEqualTo(ShiftUnit.DAYS);
        assertThat(daily.shiftLength()).isEqualTo(2);
        assertThat(daily.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-30T18:00"));
        assertThat(daily.memberRefs()).containsExactly("elena.petrova", "farid.haddad", "grace.lee", "dana.reyes");

        MusterPlan.Rotation sun = rotation("SRE Follow the sun / Follow the sun");
        assertThat(sun.shiftUnit()).isEqualTo(ShiftUnit.HOURS);
        assertThat(sun.shiftLength()).isEqualTo(12);
        assertThat(sun.timeZone()).as("a shift without a zone takes its schedule's").isEqualTo("UTC");
        assertThat(sun.memberRefs()).containsExactly("hiro.tanaka", "mateo.silva", "quinn.taylor");
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.CHANGED)
                .filteredOn(f -> f.subject().equals("rotation SRE Follow the sun / Follow the sun"))
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("2 people on call at once"));

        // A shift that has ended is history; one that passes on only at weekends or monthly has no equivalent.
        assertThat(plan.directory().rotations()).extracting(MusterPlan.Rotation::name)
                .containsExactlyInAnyOrder("Platform Primary / Weekly", "Platform Secondary / Every other day",
                        "SRE Follow the sun / Follow the sun");
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.NOT_MAPPED)
                .anySatisfy(f -> assertThat(f.subject() + f.detail()).contains("Weekend nights").contains("SA, SU"))
                .anySatisfy(f -> assertThat(f.subject() + f.detail()).contains("Monthly review").contains("monthly"))
                .anySatisfy(f -> assertThat(f.detail()).contains("Database on-call").contains("iCal"))
                .noneSatisfy(f -> assertThat(f.subject()).contains("Old layer"));
        assertThat(plan.directory().teams()).filteredOn(t -> t.name().equals("Platform Primary"))
                .flatExtracting(MusterPlan.Team::memberRefs).contains("omar.farouk", "jonas.berg");
    }

    @Test
    void handOffsKeepTheirLocalTimeThroughDaylightSaving() {
        // London left summer time on 2025-10-26: Monday's 09:00 hand-off moves from 08:00 to 09:00 UTC.
        RotationSnapshot weekly = snapshot(rotation("Platform Primary / Weekly"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-20T08:30:00Z")).get(0)).isEqualTo(id("amara.okafor"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-27T08:30:00Z")).get(0)).isEqualTo(id("amara.okafor"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-27T09:00:00Z")).get(0)).isEqualTo(id("tariq.aziz"));
        // New York left it on 2025-11-02: the 18:00 hand-off on 3 November is at 23:00 UTC, not 22:00.
        RotationSnapshot daily = snapshot(rotation("Platform Secondary / Every other day"));
        assertThat(daily.onCallAt(Instant.parse("2025-10-30T22:30:00Z")).get(0)).isEqualTo(id("elena.petrova"));
        assertThat(daily.onCallAt(Instant.parse("2025-11-03T22:30:00Z")).get(0)).isEqualTo(id("farid.haddad"));
        assertThat(daily.onCallAt(Instant.parse("2025-11-03T23:00:00Z")).get(0)).isEqualTo(id("grace.lee"));
    }

    @Test
    void chainsBecomePoliciesWhoseWaitsAreTheStagesTimeouts() {
        MusterPlan.Policy platform = policy("Platform escalation");
        assertThat(platform.repeats()).isEqualTo(GrafanaOnCallReader.REPEATS);
        assertThat(platform.stages()).containsExactly(
                new MusterPlan.Stage(List.of("platform-primary"), List.of(), 300),
                new MusterPlan.Stage(List.of("platform-secondary"), List.of(), 600),
                new MusterPlan.Stage(List.of(), List.of("dana.reyes"), 900));
        // Two notify steps with no wait between them are one stage; the wait before anyone is reported.
        MusterPlan.Policy database = policy("Database escalation");
        assertThat(database.repeats()).isZero();
        assertThat(database.stages()).containsExactly(new MusterPlan.Stage(List.of("sre-follow-the-sun"),
                List.of("kofi.mensah", "lena.fischer"), 120));
        assertThat(plan.findings()).extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("Database escalation step 1 waits 1 min"))
                .anySatisfy(d -> assertThat(d).contains("round robin"))
                .anySatisfy(d -> assertThat(d).contains("trigger_webhook"))
                .anySatisfy(d -> assertThat(d).contains("Platform escalation step 5").contains("important"));
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.CHANGED)
                .anySatisfy(f -> assertThat(f.detail()).contains("names dana.reyes"));
    }

    @Test
    void integrationsBecomePlansAtEverySeverityPagingTheirDefaultRoutesChain() {
        assertThat(plan.responsePlans()).hasSize(8);
        assertThat(plan.responsePlans()).filteredOn(p -> p.incidentType().equals("platform-alerts"))
                .allSatisfy(p -> assertThat(p.policy()).isEqualTo("Platform escalation"))
                .extracting(MusterPlan.ResponsePlan::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(plan.responsePlans()).filteredOn(p -> p.incidentType().equals("database-alerts"))
                .allSatisfy(p -> assertThat(p.policy()).isEqualTo("Database escalation"));
        assertThat(plan.responsePlans()).extracting(MusterPlan.ResponsePlan::incidentType)
                .doesNotContain("batch-heartbeat");
        assertThat(plan.findings()).extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("integration Batch heartbeat routes by default to no"
                        + " escalation chain"));
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.NOT_MAPPED)
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("grafana_alerting").contains("…Yo3X")
                        .doesNotContain("mReAoNwDm0"));
    }

    @Test
    void aRefusedTokenIsAClearError() {
        GrafanaOnCallApi wrong = new GrafanaOnCallApi(standIn.endpoint(), "not-the-token");
        assertThatThrownBy(() -> new GrafanaOnCallReader(wrong, Clock.systemUTC()).read())
                .isInstanceOf(io.muster.importers.http.ProviderHttp.ApiException.class).hasMessageContaining("refused the token (401)");
    }

    private static RotationSnapshot snapshot(MusterPlan.Rotation r) {
        return new RotationSnapshot(UUID.randomUUID(), r.name(), UUID.randomUUID(), r.roleKey(), r.timeZone(),
                r.handoffStart(), r.shiftUnit(), r.shiftLength(),
                r.memberRefs().stream().map(GrafanaOnCallImportTest::id).toList(), List.of());
    }

    private static UUID id(String ref) {
        return UUID.nameUUIDFromBytes(ref.getBytes());
    }

    private static MusterPlan.Policy policy(String name) {
        return plan.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static MusterPlan.Rotation rotation(String name) {
        return plan.directory().rotations().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static MusterPlan.Person person(String ref) {
        return plan.directory().people().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }
}
