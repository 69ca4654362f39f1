package io.muster.console.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.ResponderSelection;

/**
 * What the directory and readiness pages show of directory-service's answers. Contact addresses are exactly what the
 * directory returned: masked for viewers by the directory itself, never unmasked here.
 */
public final class DirectoryViews {

    /** Paging is trusted to reach a person only over at least this many verified channel types. */
    static final int REQUIRED_VERIFIED_TYPES = 2;

    /** The channel types pages go out on, as the directory names them. */
    static final Set<String> PAGING_TYPES =
            ResponderSelection.PAGEABLE.stream().map(ChannelType::name).collect(Collectors.toUnmodifiableSet());

    private DirectoryViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String id, String displayName, String department, String timeZone, List<String> roles,
            int escalationLevel, String availability, boolean active, boolean reachable, List<String> teamIds,
            List<Channel> channels, String lastReviewedAt) {

        /**
         * How many different channel types that page (email, SMS, webhook) have at least one verified channel; a
         * VOICE channel stored before Muster refused them pages nobody, so it does not count.
         */
        public long verifiedTypes() {
            return channels == null ? 0
                    : channels.stream().filter(Channel::verified).map(Channel::type).filter(Objects::nonNull)
                            .filter(PAGING_TYPES::contains).distinct().count();
        }

        /** Fewer than two verified channel types: one failing provider would leave the person unpaged. */
        public boolean underCovered() {
            return verifiedTypes() < REQUIRED_VERIFIED_TYPES;
        }

        public List<Channel> channelList() {
            return channels == null ? List.of() : channels;
        }

        public List<String> roleList() {
            return roles == null ? List.of() : roles;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String id, String type, String address, int preference, boolean verified,
            String verifiedAt) {

        /** Test pages go over the channels notification-service sends on itself: email and SMS. */
        public boolean testable() {
            return "EMAIL".equals(type) || "SMS".equals(type);
        }
    }

    /**
     * Where a test page stands, as notification-service reports it. Until notification-service has taken the request
     * from its topic it knows nothing of it (a 404), which the page shows as waiting, not as a failure.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChannelTest(String testId, String channelType, String status, String requestedAt, String sentAt,
            String error) {

        public static ChannelTest waiting(String testId) {
            return new ChannelTest(testId, null, ChannelTestState.WAITING.name(), null, null, null);
        }

        public boolean done() {
            ChannelTestState state = ChannelTestState.of(status);
            return state == ChannelTestState.SENT || state == ChannelTestState.FAILED;
        }

        public String summary() {
            return switch (ChannelTestState.of(status)) {
                case SENT -> "Test page sent" + (sentAt == null ? "" : " at " + sentAt)
                        + "; ask the person whether it arrived.";
                case FAILED -> "Test page failed" + (error == null ? "" : ": " + error);
                case PENDING -> "Test page accepted by notification-service; sending.";
                case UNKNOWN -> "Cannot tell where the test page stands: " + error;
                case WAITING -> "Test page requested; waiting for notification-service to take it.";
            };
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonPage(List<Person> items, int page, int size, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(String id, String name, String description, List<String> memberIds) {
    }

    /** A team with its members' names as the page lists them (an id the directory page did not load shows as is). */
    public record TeamView(String name, String description, List<String> members) {

        static TeamView of(Team team, Map<String, String> namesById) {
            List<String> members = team.memberIds() == null ? List.of()
                    : team.memberIds().stream().map(id -> namesById.getOrDefault(id, id)).toList();
            return new TeamView(team.name(), team.description(), members);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(String key, String name, String responsibilities, List<String> requiredSkills,
            int defaultEscalationLevel, int notificationPriority) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String name, String email, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExternalResource(String id, String kind, String organisation, String serviceType,
            String contractNumber, String supportLevel, Contact primaryContact, Contact escalationContact,
            String availability, Integer responseSlaMinutes, List<String> expertise,
            Integer notificationDeadlineHours, String owningRoleKey, String contactVerifiedAt, String reviewDueOn,
            List<String> notifyForIncidentTypes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Readiness(String generatedAt, Map<String, Long> countsBySeverity, List<Finding> findings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String code, String severity, String subjectType, String subjectId, String subjectName,
            String message, String remedy) {
    }
}
