package io.muster.contracts;

import io.muster.contracts.directory.ContactSnapshot;
import io.muster.contracts.directory.ExternalPartySnapshot;
import io.muster.contracts.directory.RoleRoster;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.contracts.directory.ReadinessSnapshot;
import io.muster.contracts.gameday.ActionItemSnapshot;
import io.muster.contracts.gameday.GameDayRunChanged;
import io.muster.contracts.incidents.IncidentPhase;
import io.muster.contracts.incidents.IncidentPhaseChanged;
import io.muster.contracts.incidents.IncidentReclassified;
import io.muster.contracts.incidents.AcknowledgementIgnored;
import io.muster.contracts.incidents.IncidentAcknowledged;
import io.muster.contracts.incidents.IncidentEscalated;
import io.muster.contracts.incidents.IncidentResolved;
import io.muster.contracts.incidents.IncidentSeverityChanged;
import io.muster.contracts.incidents.IncidentTriggered;
import io.muster.contracts.pages.AckMethod;
import io.muster.contracts.pages.ChannelTestRequested;
import io.muster.contracts.pages.ChannelVerificationRequested;
import io.muster.contracts.pages.DeliveryStatus;
import io.muster.contracts.pages.PageAcknowledged;
import io.muster.contracts.pages.PageRequested;
import io.muster.contracts.pages.PageStatusChanged;
import io.muster.contracts.plans.PlanDocumentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The event each golden sample file under {@code samples/} must read as, and write back to. */
final class GoldenSamples {

    static final Instant AT = Instant.parse("2026-03-29T01:30:00Z");
    static final UUID INCIDENT = UUID.fromString("6f1c2a52-8f0e-4a43-9d59-0c2f1c0b7a11");
    static final UUID CONTACT = UUID.fromString("0b9d3c8e-3d0f-4d8a-b1b4-5f1f3f0a2c22");
    static final UUID PAGE = UUID.fromString("c3a8e3f2-61b4-4d0e-9a0c-2e4a0f6b8d33");

    static Map<String, EventEnvelope> expected() {
        return Map.ofEntries(
                sample("contact-snapshot", "00000000-0000-4000-8000-000000000001",
                        new ContactSnapshot(CONTACT, "Ada Okafor", "Europe/London", true, 1,
                                List.of("incident-commander", "technical-lead"),
                                List.of(new ContactSnapshot.Channel(
                                                UUID.fromString("7e2b6f0c-58d1-4d8e-8a6f-9a4b1c2d3e44"),
                                                ChannelType.SMS, "+447700900123", 1, true),
                                        new ContactSnapshot.Channel(
                                                UUID.fromString("8f3c7a1d-69e2-4e9f-9b7a-ab5c2d3e4f55"),
                                                ChannelType.EMAIL, "ada@example.org", 2, true)),
                                UUID.fromString("9a4d8b2f-7a0e-4b1c-8d2e-3f4a5b6c7d88"), "aokafor")),
                sample("role-roster", "00000000-0000-4000-8000-000000000002",
                        new RoleRoster("incident-commander", "Incident commander", 1, 1, List.of(CONTACT),
                                UUID.fromString("9a4d8b2f-7a0e-4b1c-8d2e-3f4a5b6c7d88"))),
                sample("rotation-snapshot", "00000000-0000-4000-8000-000000000003",
                        new RotationSnapshot(UUID.fromString("5a4d8b2e-7af3-4fa0-8c8b-bc6d3e4f5a66"),
                                "SecOps primary", UUID.fromString("4b5e9c3f-8b04-4ab1-9d9c-cd7e4f5a6b77"),
                                "incident-commander", "Europe/London", LocalDateTime.parse("2026-03-02T09:00:00"),
                                RotationSnapshot.ShiftUnit.WEEKS, 1, List.of(CONTACT),
                                List.of(new RotationSnapshot.Override(CONTACT, AT, AT.plusSeconds(3600))))),
                sample("external-party-snapshot", "00000000-0000-4000-8000-00000000000e",
                        new ExternalPartySnapshot(UUID.fromString("3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b99"), "REGULATOR",
                                "Information Commissioner's Office", "Personal data breach reporting",
                                "breach@ico.example.org", "+443031231113", null, 72, "legal-counsel",
                                List.of("data-breach", "ransomware"))),
                sample("incident-triggered", "00000000-0000-4000-8000-000000000004",
                        new IncidentTriggered(INCIDENT, "Credential stuffing against SSO", Severity.CRITICAL,
                                "credential-compromise", "siem", "sso-stuffing-42", false)),
                sample("incident-acknowledged", "00000000-0000-4000-8000-000000000005",
                        new IncidentAcknowledged(INCIDENT, CONTACT, "ada@example.org", false)),
                sample("incident-escalated", "00000000-0000-4000-8000-000000000006",
                        new IncidentEscalated(INCIDENT, 1, 2, 0, "timeout", false)),
                sample("incident-severity-changed", "00000000-0000-4000-8000-00000000000d",
                        new IncidentSeverityChanged(INCIDENT, Severity.HIGH, Severity.CRITICAL,
                                List.of("communications-lead", "legal-counsel"), true, true, "ada@example.org", false)),
                sample("incident-resolved", "00000000-0000-4000-8000-000000000007",
                        new IncidentResolved(INCIDENT, "ada@example.org", false)),
                sample("page-requested", "00000000-0000-4000-8000-000000000008",
                        new PageRequested(PAGE, INCIDENT, CONTACT, "incident-commander", 1, 0, Severity.CRITICAL,
                                "Credential stuffing against SSO", "4,000 failed logins a minute", false, false,
                                false, Set.of(), true, true)),
                sample("page-status-changed", "00000000-0000-4000-8000-000000000009",
                        new PageStatusChanged(PAGE, INCIDENT, CONTACT, ChannelType.SMS, DeliveryStatus.SENT, 1,
                                "sns message id 9b1c", false)),
                sample("page-acknowledged", "00000000-0000-4000-8000-00000000000a",
                        new PageAcknowledged(PAGE, INCIDENT, CONTACT, AckMethod.EMAIL_LINK, false)),
                sample("channel-verification-requested", "00000000-0000-4000-8000-00000000000c",
                        new ChannelVerificationRequested(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                                CONTACT, UUID.fromString("7e2b6f0c-58d1-4d8e-8a6f-9a4b1c2d3e44"), ChannelType.SMS,
                                "+447700900123", "482913", AT.plusSeconds(900))),
                sample("gameday-run-changed", "00000000-0000-4000-8000-00000000000b",
                        new GameDayRunChanged(UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e88"),
                                UUID.fromString("3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f99"),
                                UUID.fromString("4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7aaa"),
                                GameDayRunChanged.RunStatus.COMPLETED, INCIDENT, 87)),
                sample("incident-phase-changed", "00000000-0000-4000-8000-00000000000f",
                        new IncidentPhaseChanged(INCIDENT, IncidentPhase.ANALYZE, IncidentPhase.CONTAIN, 1260,
                                "ada@example.org", false)),
                sample("incident-reclassified", "00000000-0000-4000-8000-000000000010",
                        new IncidentReclassified(INCIDENT, "credential-compromise", "data-breach",
                                List.of("legal-counsel"), "ada@example.org", false)),
                sample("action-item-snapshot", "00000000-0000-4000-8000-000000000011",
                        new ActionItemSnapshot(UUID.fromString("5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8bbb"),
                                ActionItemSnapshot.Source.INCIDENT_REVIEW, INCIDENT, "Credential stuffing against SSO",
                                "Rate-limit the SSO login endpoint", CONTACT, LocalDate.parse("2026-04-30"),
                                ActionItemSnapshot.Status.OPEN)),
                sample("plan-document-status", "00000000-0000-4000-8000-000000000012",
                        new PlanDocumentStatus(3, AT, "ciso@example.org", LocalDate.parse("2026-09-29"))),
                sample("readiness-snapshot", "00000000-0000-4000-8000-000000000013",
                        new ReadinessSnapshot(AT, List.of(new ReadinessSnapshot.Finding("PERSON_UNREACHABLE",
                                "CRITICAL", "person", CONTACT.toString(), "Ada Okafor",
                                "Ada Okafor has fewer than two verified channel types",
                                "Verify a second channel type (SMS and email)")))),
                sample("channel-test-requested", "00000000-0000-4000-8000-000000000014",
                        new ChannelTestRequested(UUID.fromString("6a7b8c9d-0e1f-4a2b-9c3d-5e6f7a8b9ccc"), CONTACT,
                                UUID.fromString("7e2b6f0c-58d1-4d8e-8a6f-9a4b1c2d3e44"), ChannelType.EMAIL,
                                "ada@example.org", "ciso@example.org", AT)),
                sample("acknowledgement-ignored", "00000000-0000-4000-8000-000000000015",
                        new AcknowledgementIgnored(INCIDENT, CONTACT, "incident-commander", "ada@example.org",
                                "role incident-commander made unavailable by the drill", true)));
    }

    private static Map.Entry<String, EventEnvelope> sample(String name, String eventId, EventPayload payload) {
        return Map.entry(name, new EventEnvelope(UUID.fromString(eventId), payload.type(), payload.version(), AT,
                payload.key(), payload));
    }

    private GoldenSamples() {
    }
}
