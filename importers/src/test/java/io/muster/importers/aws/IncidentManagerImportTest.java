package io.muster.importers.aws;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssmcontacts.SsmContactsClient;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClient;

/**
 * Reads a realistic Incident Manager organisation (20 people, four on-call schedules whose rotations cross the
 * 2025 daylight-saving changes in London and New York, a three-stage escalation plan, two response plans) through
 * the AWS SDK's own clients from a stand-in that speaks the services' wire protocols, pages its lists and throttles,
 * then maps it.
 */
class IncidentManagerImportTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static IncidentManagerStandIn standIn;
    static SourceOrganisation source;
    static MusterPlan plan;

    @BeforeAll
    static void read() {
        standIn = new IncidentManagerStandIn("/aws/organisation.json");
        standIn.throttle("ListContacts", 2);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        try (SsmContactsClient contacts = SsmContactsClient.builder().endpointOverride(standIn.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
                SsmIncidentsClient incidents = SsmIncidentsClient.builder().endpointOverride(standIn.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            source = new IncidentManagerReader(contacts, incidents, Clock.fixed(NOW, ZoneOffset.UTC)).read();
        }
        plan = new OrganisationMapping(ZoneId.of("UTC")).map(source);
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void everyPageIsReadAndThrottlingIsWaitedOut() {
        List<String> calls = standIn.calls();
        // 25 contacts at 4 a page: 7 pages, the first asked three times (two throttled answers, then the page).
        assertThat(calls.stream().filter(c -> c.equals("ListContacts")).count()).isEqualTo(3);
        assertThat(calls).contains("ListContacts page-4", "ListContacts page-24", "ListResponsePlans page-1");
        assertThat(calls).doesNotContain("ListContacts page-28");
        assertThat(source.people()).hasSize(20);
        assertThat(source.schedules()).hasSize(4);
        assertThat(source.escalations()).hasSize(1);
        assertThat(source.responsePlans()).extracting(SourceOrganisation.ResponsePlan::name)
                .containsExactly("security-incident", "data-breach");
    }

    @Test
    void schedulesBecomeRolesWithTheirRotations() {
        assertThat(plan.roles()).extracting(MusterPlan.Role::key)
                .containsExactly("secops-primary", "secops-secondary", "comms-lead", "legal-on-call");
        assertThat(plan.directory().teams()).extracting(MusterPlan.Team::name)
                .containsExactly("SecOps primary", "SecOps secondary", "Communications lead", "Legal on call");
        MusterPlan.Rotation primary = rotation("SecOps primary weekly");
        assertThat(primary.roleKey()).isEqualTo("secops-primary");
        assertThat(primary.timeZone()).isEqualTo("America/New_York");
        assertThat(primary.shiftUnit()).isEqualTo(ShiftUnit.WEEKS);
        assertThat(primary.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-27T09:00"));
        assertThat(primary.memberRefs()).containsExactly("amara-okafor", "li-wei", "sofia-rossi", "jonas-berg",
                "priya-nair");
        MusterPlan.Rotation secondary = rotation("SecOps secondary daily");
        assertThat(secondary.shiftUnit()).isEqualTo(ShiftUnit.DAYS);
        assertThat(secondary.handoffStart()).isEqualTo(LocalDateTime.parse("2025-10-23T08:00"));
        assertThat(rotation("Comms business hours").shiftLength()).isEqualTo(2);
        // A monthly hand-off has no Muster equivalent: reported, not approximated.
        assertThat(plan.directory().rotations()).extracting(MusterPlan.Rotation::name)
                .doesNotContain("Legal monthly");
        assertThat(finding(Kind.NOT_MAPPED, "rotation Legal monthly")).contains("monthly");
        assertThat(finding(Kind.CHANGED, "rotation Comms business hours")).contains("some hours");
        MusterPlan.Person amara = person("amara-okafor");
        assertThat(amara.roles()).containsExactly("secops-primary");
        assertThat(amara.timeZone()).isEqualTo("America/New_York");
        assertThat(person("tariq-aziz").roles()).containsExactly("legal-on-call");
        assertThat(plan.overrides()).containsExactly(new MusterPlan.Override("SecOps primary weekly",
                "elena-petrova", Instant.parse("2027-01-01T08:00:00Z"), Instant.parse("2027-01-02T08:00:00Z")));
    }

    @Test
    void handOffsKeepTheirWallClockTimeAcrossDaylightSaving() {
        // New York left daylight saving on 2025-11-02: the hand-off stays at 09:00 local, 14:00 UTC, not 13:00.
        RotationSnapshot primary = snapshot(rotation("SecOps primary weekly"));
        assertThat(primary.onCallAt(Instant.parse("2025-11-03T13:30:00Z")).get(0)).isEqualTo(id("amara-okafor"));
        assertThat(primary.onCallAt(Instant.parse("2025-11-03T14:00:00Z")).get(0)).isEqualTo(id("li-wei"));
        // London left it on 2025-10-26: 08:00 local is 07:00 UTC before and 08:00 UTC after.
        // Members hand off daily from the 23rd: Mateo, Hana, Omar (the 25th), Grace (the 26th), Mateo again.
        RotationSnapshot secondary = snapshot(rotation("SecOps secondary daily"));
        assertThat(secondary.onCallAt(Instant.parse("2025-10-25T07:00:00Z")).get(0)).isEqualTo(id("omar-haddad"));
        assertThat(secondary.onCallAt(Instant.parse("2025-10-27T07:30:00Z")).get(0)).isEqualTo(id("grace-kim"));
        assertThat(secondary.onCallAt(Instant.parse("2025-10-27T08:00:00Z")).get(0)).isEqualTo(id("mateo-garcia"));
    }

    @Test
    void channelsAreVerifiedOnlyWhereIncidentManagerActivatedThem() {
        MusterPlan.Person amara = person("amara-okafor");
        // The engagement plan pages SMS first, then email: that order is the preference.
        assertThat(amara.channels()).extracting(MusterPlan.Channel::type)
                .containsExactly(ChannelType.SMS, ChannelType.EMAIL);
        assertThat(amara.channels().get(0)).isEqualTo(new MusterPlan.Channel(ChannelType.SMS, "+1555010" + "0", 1,
                true));
        // Her voice channel is left out and said so: the directory refuses VOICE until Muster places calls.
        assertThat(finding(Kind.NOT_MAPPED, "contact amara-okafor")).contains("is a voice channel")
                .contains("left out");
        MusterPlan.Channel liSms = person("li-wei").channels().get(0);
        assertThat(liSms.type()).isEqualTo(ChannelType.SMS);
        assertThat(liSms.verified()).isFalse();
        assertThat(finding(Kind.NOTE, "contact li-wei")).contains("fewer than two activated channel types");
        // Not a phone number: left out and said so, not imported to fail at the first page.
        assertThat(person("ciso-dana-reyes").channels()).extracting(MusterPlan.Channel::type)
                .containsExactly(ChannelType.EMAIL);
        assertThat(finding(Kind.NOT_MAPPED, "contact ciso-dana-reyes")).contains("ext. 4411");
        assertThat(person("ciso-dana-reyes").timeZone()).isEqualTo("UTC");
    }

    @Test
    void theEscalationPlanPagesRolesAndNamesTheOnePersonItNamed() {
        MusterPlan.Policy policy = policy("Security escalation");
        assertThat(policy.stages()).containsExactly(
                new MusterPlan.Stage(List.of("secops-primary"), List.of(), 300),
                new MusterPlan.Stage(List.of("secops-secondary", "comms-lead"), List.of(), 600),
                new MusterPlan.Stage(List.of(), List.of("ciso-dana-reyes"), null));
        assertThat(finding(Kind.CHANGED, "escalation security-escalation stage 3")).contains("Dana Reyes (CISO)");
    }

    @Test
    void responsePlansKeepTheirSeverityAndWhoTheyEngage() {
        assertThat(plan.responsePlans()).containsExactly(
                new MusterPlan.ResponsePlan("security-incident", "security-incident", Severity.CRITICAL,
                        "Security escalation"),
                new MusterPlan.ResponsePlan("data-breach", "data-breach", Severity.HIGH, "Data breach engagements"));
        assertThat(policy("Data breach engagements").stages()).containsExactly(
                new MusterPlan.Stage(List.of("secops-primary", "legal-on-call"), List.of("tariq-aziz"), null));
        assertThat(plan.findings()).filteredOn(f -> f.subject().equals("response plan data-breach"))
                .extracting(MusterPlan.Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("chat channel arn:aws:sns:us-east-1:111122223333:security-chat"))
                .anySatisfy(d -> assertThat(d).contains("AWSIncidents-CriticalIncidentRunbookTemplate"));
    }

    private static final Map<String, UUID> IDS = new HashMap<>();

    private static UUID id(String ref) {
        return IDS.computeIfAbsent(ref, r -> UUID.nameUUIDFromBytes(r.getBytes()));
    }

    private static RotationSnapshot snapshot(MusterPlan.Rotation r) {
        return new RotationSnapshot(UUID.randomUUID(), r.name(), UUID.randomUUID(), r.roleKey(), r.timeZone(),
                r.handoffStart(), r.shiftUnit(), r.shiftLength(),
                r.memberRefs().stream().map(IncidentManagerImportTest::id).toList(), List.of());
    }

    private static MusterPlan.Rotation rotation(String name) {
        return plan.directory().rotations().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static MusterPlan.Person person(String ref) {
        return plan.directory().people().stream().filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }

    private static MusterPlan.Policy policy(String name) {
        return plan.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String finding(Kind kind, String subject) {
        return plan.findings().stream().filter(f -> f.kind() == kind && f.subject().equals(subject))
                .map(MusterPlan.Finding::detail).reduce((a, b) -> a + " | " + b)
                .orElseThrow(() -> new AssertionError("no " + kind + " finding on " + subject + ": "
                        + plan.findings()));
    }
}
