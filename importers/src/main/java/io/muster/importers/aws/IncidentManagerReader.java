package io.muster.importers.aws;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.RotationSnapshot.ShiftUnit;
import io.muster.importers.source.SourceOrganisation;
import io.muster.importers.source.SourceOrganisation.Channel;
import io.muster.importers.source.SourceOrganisation.Escalation;
import io.muster.importers.source.SourceOrganisation.Person;
import io.muster.importers.source.SourceOrganisation.ResponsePlan;
import io.muster.importers.source.SourceOrganisation.Rotation;
import io.muster.importers.source.SourceOrganisation.Schedule;
import io.muster.importers.source.SourceOrganisation.Stage;
import io.muster.importers.source.SourceOrganisation.Target;
import io.muster.importers.source.SourceOrganisation.TargetKind;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ssmcontacts.SsmContactsClient;
import software.amazon.awssdk.services.ssmcontacts.model.ActivationStatus;
import software.amazon.awssdk.services.ssmcontacts.model.Contact;
import software.amazon.awssdk.services.ssmcontacts.model.ContactChannel;
import software.amazon.awssdk.services.ssmcontacts.model.ContactType;
import software.amazon.awssdk.services.ssmcontacts.model.GetContactResponse;
import software.amazon.awssdk.services.ssmcontacts.model.HandOffTime;
import software.amazon.awssdk.services.ssmcontacts.model.RecurrenceSettings;
import software.amazon.awssdk.services.ssmcontacts.model.RotationOverride;
import software.amazon.awssdk.services.ssmincidents.SsmIncidentsClient;
import software.amazon.awssdk.services.ssmincidents.model.GetResponsePlanResponse;
import software.amazon.awssdk.services.ssmincidents.model.ResponsePlanSummary;

/**
 * Reads a team's on-call organisation out of AWS Systems Manager Incident Manager with the AWS SDK's own clients
 * (SSM Contacts for contacts, channels, on-call schedules, rotations and escalation plans; SSM Incidents for
 * response plans). Only reads: it lists and gets, never creates or changes anything on the AWS side. The SDK's
 * paginators follow {@code NextToken} and its retry policy backs off on {@code ThrottlingException}.
 */
public final class IncidentManagerReader {

    public static final String PROVIDER = "AWS Incident Manager";

    /** Overrides are read from now to this far ahead: what is planned, not history. */
    static final Duration OVERRIDES_AHEAD = Duration.ofDays(90);

    private final SsmContactsClient contacts;
    private final SsmIncidentsClient incidents;
    private final Clock clock;

    public IncidentManagerReader(SsmContactsClient contacts, SsmIncidentsClient incidents, Clock clock) {
        this.contacts = contacts;
        this.incidents = incidents;
        this.clock = clock;
    }

    public SourceOrganisation read() {
        List<Contact> all = contacts.listContactsPaginator(b -> { }).contacts().stream().toList();
        Map<String, ContactType> typeOf = new HashMap<>();
        all.forEach(c -> typeOf.put(c.contactArn(), c.type()));
        Map<String, software.amazon.awssdk.services.ssmcontacts.model.Rotation> rotations = new HashMap<>();
        contacts.listRotationsPaginator(b -> { }).rotations().forEach(r -> rotations.put(r.rotationArn(), r));

        List<Person> people = new ArrayList<>();
        List<Schedule> schedules = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Contact c : all) {
            GetContactResponse detail = contacts.getContact(b -> b.contactId(c.contactArn()));
            switch (c.type()) {
                case PERSONAL -> people.add(person(detail));
                case ONCALL_SCHEDULE -> schedules.add(schedule(detail, rotations, notes));
                case ESCALATION -> escalations.add(escalation(detail, typeOf, notes));
                default -> notes.add("contact " + c.alias() + " has a contact type this importer does not know ("
                        + c.typeAsString() + ") and was left out");
            }
        }
        List<ResponsePlan> plans = new ArrayList<>();
        for (ResponsePlanSummary summary : incidents.listResponsePlansPaginator(b -> { }).responsePlanSummaries()) {
            plans.add(responsePlan(incidents.getResponsePlan(b -> b.arn(summary.arn())), typeOf, notes));
        }
        return new SourceOrganisation(PROVIDER, people, schedules, escalations, plans, notes);
    }

    private Person person(GetContactResponse detail) {
        // A personal contact's engagement plan lists its channels stage by stage: that order is the person's own.
        Map<String, Integer> order = new HashMap<>();
        List<software.amazon.awssdk.services.ssmcontacts.model.Stage> stages =
                detail.plan() == null ? List.of() : detail.plan().stages();
        for (int i = 0; i < stages.size(); i++) {
            for (var target : stages.get(i).targets()) {
                if (target.channelTargetInfo() != null) {
                    order.putIfAbsent(target.channelTargetInfo().contactChannelId(), i + 1);
                }
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (ContactChannel ch : contacts.listContactChannelsPaginator(b -> b.contactId(detail.contactArn()))
                .contactChannels()) {
            ChannelType kind = switch (ch.type()) {
                case EMAIL -> ChannelType.EMAIL;
                case SMS -> ChannelType.SMS;
                case VOICE -> ChannelType.VOICE;
                default -> null;
            };
            if (kind == null || ch.deliveryAddress() == null) {
                continue;
            }
            channels.add(new Channel(ch.contactChannelArn(), ch.name(), kind, ch.deliveryAddress().simpleAddress(),
                    ch.activationStatus() == ActivationStatus.ACTIVATED,
                    order.getOrDefault(ch.contactChannelArn(), stages.size() + 1)));
        }
        // Incident Manager keeps no time zone for a person; the mapping takes one from their rotations.
        return new Person(detail.contactArn(), detail.alias(), name(detail), Optional.empty(), channels);
    }

    private Schedule schedule(GetContactResponse detail,
            Map<String, software.amazon.awssdk.services.ssmcontacts.model.Rotation> rotations, List<String> notes) {
        List<Rotation> mine = new ArrayList<>();
        List<String> ids = detail.plan() == null ? List.of() : detail.plan().rotationIds();
        for (String id : ids) {
            var r = rotations.get(id);
            if (r == null) {
                notes.add("on-call schedule " + detail.alias() + " names rotation " + id + ", which is not listed");
                continue;
            }
            mine.add(rotation(r));
        }
        return new Schedule(detail.contactArn(), detail.alias(), name(detail), mine);
    }

    private Rotation rotation(software.amazon.awssdk.services.ssmcontacts.model.Rotation r) {
        RecurrenceSettings rec = r.recurrence();
        int multiplier = rec.recurrenceMultiplier() == null ? 1 : rec.recurrenceMultiplier();
        List<String> limits = new ArrayList<>();
        if (rec.numberOfOnCalls() != null && rec.numberOfOnCalls() > 1) {
            limits.add(rec.numberOfOnCalls() + " contacts are on call at once; a Muster rotation has one on call, so"
                    + " only the first of each shift is");
        }
        if (rec.hasShiftCoverages() && !rec.shiftCoverages().isEmpty()) {
            limits.add("it covers only some hours of some days; the Muster rotation covers every hour");
        }
        ShiftUnit unit = ShiftUnit.DAYS;
        LocalTime handOff = LocalTime.MIDNIGHT;
        Optional<DayOfWeek> day = Optional.empty();
        Optional<String> cannotMap = Optional.empty();
        if (rec.hasWeeklySettings() && !rec.weeklySettings().isEmpty()) {
            unit = ShiftUnit.WEEKS;
            var first = rec.weeklySettings().get(0);
            handOff = time(first.handOffTime());
            day = Optional.of(fullDay(first.dayOfWeekAsString()));
            if (rec.weeklySettings().size() > 1) {
                cannotMap = Optional.of("it hands off " + rec.weeklySettings().size() + " times a week");
            }
        } else if (rec.hasDailySettings() && !rec.dailySettings().isEmpty()) {
            handOff = time(rec.dailySettings().get(0));
            if (rec.dailySettings().size() > 1) {
                cannotMap = Optional.of("it hands off " + rec.dailySettings().size() + " times a day");
            }
        } else if (rec.hasMonthlySettings() && !rec.monthlySettings().isEmpty()) {
            cannotMap = Optional.of("it hands off monthly (day " + rec.monthlySettings().get(0).dayOfMonth()
                    + "), which Muster's hour, day and week shifts cannot follow");
        } else {
            cannotMap = Optional.of("it has no hand-off settings");
        }
        Instant now = clock.instant();
        List<SourceOrganisation.Override> overrides = new ArrayList<>();
        for (RotationOverride o : contacts.listRotationOverridesPaginator(b -> b.rotationId(r.rotationArn())
                .startTime(now).endTime(now.plus(OVERRIDES_AHEAD))).rotationOverrides()) {
            overrides.add(new SourceOrganisation.Override(r.rotationArn(), o.newContactIds(), o.startTime(),
                    o.endTime()));
        }
        return new Rotation(r.rotationArn(), r.name(), r.contactIds(), r.startTime(), r.timeZoneId(), unit,
                multiplier, handOff, day, overrides, limits, cannotMap);
    }

    /** SSM Contacts names days MON..SUN. */
    private static DayOfWeek fullDay(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (abbreviation.length() >= 3 && d.name().startsWith(abbreviation.toUpperCase())) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + abbreviation);
    }

    private static LocalTime time(HandOffTime t) {
        return LocalTime.of(t.hourOfDay(), t.minuteOfHour());
    }

    private Escalation escalation(GetContactResponse detail, Map<String, ContactType> typeOf, List<String> notes) {
        List<Stage> stages = new ArrayList<>();
        List<software.amazon.awssdk.services.ssmcontacts.model.Stage> source =
                detail.plan() == null ? List.of() : detail.plan().stages();
        for (var s : source) {
            List<Target> targets = new ArrayList<>();
            for (var t : s.targets()) {
                if (t.contactTargetInfo() == null) {
                    notes.add("escalation plan " + detail.alias() + " targets a channel directly; Muster pages"
                            + " people, so that target was left out");
                    continue;
                }
                String id = t.contactTargetInfo().contactId();
                ContactType type = typeOf.get(id);
                if (type == null) {
                    notes.add("escalation plan " + detail.alias() + " names " + id + ", which is not listed");
                    continue;
                }
                targets.add(new Target(switch (type) {
                    case ONCALL_SCHEDULE -> TargetKind.SCHEDULE;
                    case ESCALATION -> TargetKind.ESCALATION;
                    default -> TargetKind.PERSON;
                }, id));
            }
            stages.add(new Stage(s.durationInMinutes() == null ? 0 : s.durationInMinutes(), targets));
        }
        return new Escalation(detail.contactArn(), detail.alias(), name(detail), stages, 0);
    }

    private ResponsePlan responsePlan(GetResponsePlanResponse p, Map<String, ContactType> typeOf,
            List<String> notes) {
        List<Target> engaged = new ArrayList<>();
        for (String arn : p.engagements()) {
            ContactType type = typeOf.get(arn);
            if (type == null) {
                notes.add("response plan " + p.name() + " engages " + arn + ", which is not listed");
                continue;
            }
            engaged.add(new Target(switch (type) {
                case ONCALL_SCHEDULE -> TargetKind.SCHEDULE;
                case ESCALATION -> TargetKind.ESCALATION;
                default -> TargetKind.PERSON;
            }, arn));
        }
        List<String> chat = p.chatChannel() == null || !p.chatChannel().hasChatbotSns() ? List.of()
                : p.chatChannel().chatbotSns();
        List<String> notCarried = new ArrayList<>();
        p.actions().forEach(a -> notCarried.add(a.ssmAutomation() == null ? "an action"
                : "the SSM Automation runbook " + a.ssmAutomation().documentName()));
        p.integrations().forEach(i -> notCarried.add("an integration (" + i.type() + ")"));
        var template = p.incidentTemplate();
        return new ResponsePlan(p.arn(), p.name(), p.displayName() == null ? p.name() : p.displayName(),
                template.title(), template.impact(), engaged, chat, notCarried);
    }

    private static String name(GetContactResponse c) {
        return c.displayName() == null || c.displayName().isBlank() ? c.alias() : c.displayName();
    }
}
