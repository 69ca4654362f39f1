package io.muster.console.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the incident detail page shows of escalation-service's answers, as records so the templates are checked when
 * the console is built. Only the fields the page uses are named; the rest of each answer is ignored. Times stay the
 * ISO-8601 text the service sent (shown in a {@code <time>} element).
 */
public final class IncidentViews {

    private static final ObjectMapper READER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IncidentViews() {
    }

    /** The body read as {@code type}; null when there is no body or it does not fit. */
    static <T> T read(JsonNode body, Class<T> type) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return null;
        }
        try {
            return READER.treeToValue(body, type);
        } catch (Exception e) {
            return null;
        }
    }

    static <T> List<T> readList(JsonNode body, Class<T> type) {
        if (body == null || !body.isArray()) {
            return List.of();
        }
        try {
            return READER.readerForListOf(type).readValue(body);
        } catch (Exception e) {
            return List.of();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Incident(String id, String title, String summary, String severity, String incidentType, String source,
            String status, boolean drill, boolean silent, String createdAt, String acknowledgedAt,
            String acknowledgedBy, String resolvedAt, String resolvedBy, String phase, String phaseSince,
            String playbookType, String engagedAt, List<String> requiredRoles, String escalationState,
            int currentStage, int currentPass, int triggerCount, List<Clock> clocks) {

        public boolean open() {
            return !IncidentStatus.RESOLVED.is(status);
        }

        public boolean triggered() {
            return IncidentStatus.TRIGGERED.is(status);
        }

        public List<Clock> clockList() {
            return clocks == null ? List.of() : clocks;
        }
    }

    /** A deadline clock: an outside party to notify by {@code dueAt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(String id, String kind, String organisation, String owningRole, String incidentType,
            int deadlineHours, String startedAt, String dueAt, long secondsLeft, String state, boolean drill,
            int remindersSent, String notifiedAt, String notifiedBy, String reference) {

        public boolean notified() {
            return notifiedAt != null;
        }

        public String left() {
            return TimeLeft.describe(secondsLeft);
        }

        /** A clock not yet notified with under a quarter of its time left (or none) is shown as urgent. */
        public boolean urgent() {
            return !notified() && secondsLeft < deadlineHours * 3600L / 4;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(long id, String at, String kind, String actor, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(boolean engaged, String engagedAt, List<RoleOutcome> roles, List<Member> members) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleOutcome(String roleKey, boolean required, String status, String firstPagedAt, String engagedByName,
            String engagedAt, int step, int pass) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String contactId, String displayName, List<String> roles, boolean notifyOnly, String acknowledgedAt,
            String acknowledgedHow, List<Page> pages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(String roleKey, int stage, int pass, boolean notifyOnly, String status, String requestedAt,
            String acknowledgedAt, String ackMethod, List<ChannelOutcome> channels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChannelOutcome(String channel, String status, int attempt, String detail, String at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Playbook(String playbookType, String phase, String phaseSince, int stepsDone, int stepsTotal,
            List<PhaseSteps> phases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseSteps(String phase, boolean current, int done, List<Step> steps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String key, String title, String detail, String ownerRole, String ownerRoleName, String link,
            boolean fromEarlierType, boolean done, String doneAt, String doneBy, String doneByName, String note) {
    }
}
