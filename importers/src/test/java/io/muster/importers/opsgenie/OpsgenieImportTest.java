package io.muster.importers.opsgenie;

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
 * A 20-user Opsgenie account (three schedules, rotations across the 2025 daylight saving changes in London and New
 * York, a three-rule escalation that repeats, three teams) read through the REST API v2 from a stand-in that pages
 * users by four with links naming Opsgenie's own host and throttles, then mapped by the same rules as every other
 * source.
 */
class OpsgenieImportTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static OpsgenieStandIn standIn;
    static SourceOrganisation source;
    static MusterPlan plan;
    static List<String> callsOfTheRead;

    @BeforeAll
    static void read() {
        standIn = new OpsgenieStandIn("/opsgenie/account.json");
        standIn.throttle("/v2/users", 1);
        source = new OpsgenieReader(new OpsgenieApi(standIn.endpoint(), OpsgenieStandIn.KEY),
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
        assertThat(callsOfTheRead.stream().filter(c -> c.equals("/v2/users")).count()).isEqualTo(2);
        assertThat(callsOfTheRead).contains("/v2/users offset=16", "/v2/schedules", "/v2/escalations", "/v2/teams");
        assertThat(callsOfTheRead).filteredOn(c -> c.endsWith("/contacts")).hasSize(20);
        assertThat(source.people()).hasSize(20);
        assertThat(source.schedules()).hasSize(3);
    }

    @Test
    void contactsBecomeChannelsInE164AndNoneIsTakenAsVerified() {
        MusterPlan.Person amara = person("amara.okafor");
        assertThat(amara.displayName()).isEqualTo("Amara Okafor");
        assertThat(amara.timeZone()).isEqualTo("Europe/London");
        assertThat(amara.channels()).extracting(MusterPlan.Channel::type)
                .containsExactly(ChannelType.EMAIL, ChannelType.SMS);
        assertThat(plan.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.NOT_MAPPED);
            assertThat(f.subject()).isEqualTo("contact amara.okafor");
            assertThat(f.detail()).contains("is a voice channel").contains("left out");
        });
        assertThat(amara.channels().get(1).address()).isEqualTo("+447700900000");
        assertThat(person("dana.reyes").channels().get(1).address()).isEqualTo("+15550104" + "00");
        assertThat(plan.directory().people()).flatExtracting(MusterPlan.Person::channels)
                .noneMatch(MusterPlan.Channel::verified);
        assertThat(person("tariq.aziz").channels()).extracting(MusterPlan.Channel::type)
                .containsExactly(ChannelType.EMAIL);
        assertThat(plan.findings()).extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("contact mobile has no Muster channel"))
                .anySatisfy(d -> assertThat(d).contains("tariq.aziz").contains("disabled"));
        assertThat(person("nadia.rahman").timeZone()).isEqualTo("Europe/Dublin");
    }

    @Test
    void rotationsBecomeRotationsOfTheSchedulesRole() {
        assertThat(plan.roles()).extracting(MusterPlan.Role::key).containsExactly("payments-primary",
                "payments-secondary", "data-on-call");
        MusterPlan.Rotation weekly = rotation("Payments Primary / Weekly");
        assertThat(weekly.shiftUnit()).isEqualTo(ShiftUnit.WEEKS);
        assertThat(weekly.timeZone()).isEqualTo("Europe/London");
        assertThat(weekly.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-20T09:00"));
        assertThat(weekly.memberRefs()).containsExactly("amara.okafor", "tariq.aziz", "chloe.martin", "isla.brown");
        MusterPlan.Rotation daily = rotation("Payments Secondary / Every other day");
        assertThat(daily.shiftUnit()).isEqualTo(ShiftUnit.DAYS);
        assertThat(daily.shiftLength()).isEqualTo(2);
        assertThat(daily.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-30T18:00"));
        MusterPlan.Rotation twelve = rotation("Data on-call / Twelve hours");
        assertThat(twelve.shiftUnit()).isEqualTo(ShiftUnit.HOURS);
        assertThat(twelve.shiftLength()).isEqualTo(12);
        assertThat(twelve.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-01T07:00"));
        assertThat(plan.directory().rotations()).extracting(MusterPlan.Rotation::name)
                .doesNotContain("Payments Secondary / Old", "Payments Secondary / With gaps");
        assertThat(plan.findings()).filteredOn(f -> f.subject().equals("rotation Payments Primary / Weekend"))
                .anySatisfy(f -> assertThat(f.detail()).contains("restricted"));
        assertThat(plan.findings()).filteredOn(f -> f.kind() == Kind.NOT_MAPPED)
                .anySatisfy(f -> assertThat(f.subject()).isEqualTo("rotation Payments Secondary / With gaps"));
    }

    @Test
    void handOffsKeepTheirLocalTimeThroughDaylightSaving() {
        RotationSnapshot weekly = snapshot(rotation("Payments Primary / Weekly"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-20T08:30:00Z")).get(0)).isEqualTo(id("amara.okafor"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-27T08:30:00Z")).get(0)).isEqualTo(id("amara.okafor"));
        assertThat(weekly.onCallAt(Instant.parse("2025-10-27T09:00:00Z")).get(0)).isEqualTo(id("tariq.aziz"));
        RotationSnapshot daily = snapshot(rotation("Payments Secondary / Every other day"));
        assertThat(daily.onCallAt(Instant.parse("2025-11-03T22:30:00Z")).get(0)).isEqualTo(id("farid.haddad"));
        assertThat(daily.onCallAt(Instant.parse("2025-11-03T23:00:00Z")).get(0)).isEqualTo(id("grace.lee"));
    }

    @Test
    void escalationRulesDelaysFromTheAlertBecomeTheStagesWaits() {
        MusterPlan.Policy payments = policy("Payments escalation");
        assertThat(payments.repeats()).isEqualTo(2);
        assertThat(payments.stages()).containsExactly(
                new MusterPlan.Stage(List.of("payments-primary"), List.of(), 300),
                new MusterPlan.Stage(List.of("payments-secondary"), List.of(), 600),
                new MusterPlan.Stage(List.of(), List.of("dana.reyes"), 600));
        MusterPlan.Policy data = policy("Data escalation");
        assertThat(data.repeats()).isZero();
        assertThat(data.stages()).containsExactly(
                new MusterPlan.Stage(List.of("data-on-call"), List.of("kofi.mensah"), 1800),
                new MusterPlan.Stage(List.of(), List.of("lena.fischer"), null));
        assertThat(plan.findings()).extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("rule 3").contains("next person on call"))
                .anySatisfy(d -> assertThat(d).contains("rule 4").contains("notifies a team"))
                .anySatisfy(d -> assertThat(d).contains("rule 5").contains("until the alert is closed"));
    }

    @Test
    void teamsOwningEscalationsBecomePlansAtEachPriority() {
        assertThat(plan.responsePlans()).hasSize(8);
        assertThat(plan.responsePlans()).filteredOn(p -> p.incidentType().equals("payments"))
                .allSatisfy(p -> assertThat(p.policy()).isEqualTo("Payments escalation"))
                .extracting(MusterPlan.ResponsePlan::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(plan.findings()).extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("team Design owns no escalation"))
                .anySatisfy(d -> assertThat(d).contains("routing rules are not read"));
    }

    @Test
    void aRefusedKeyIsAClearError() {
        OpsgenieApi wrong = new OpsgenieApi(standIn.endpoint(), "not-the-key");
        assertThatThrownBy(() -> new OpsgenieReader(wrong, Clock.systemUTC()).read())
                .isInstanceOf(io.muster.importers.http.ProviderHttp.ApiException.class).hasMessageContaining("refused the API key (401)");
    }

    private static RotationSnapshot snapshot(MusterPlan.Rotation r) {
        return new RotationSnapshot(UUID.randomUUID(), r.name(), UUID.randomUUID(), r.roleKey(), r.timeZone(),
                r.handoffStart(), r.shiftUnit(), r.shiftLength(),
                r.memberRefs().stream().map(OpsgenieImportTest::id).toList(), List.of());
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
