package io.muster.gameday.api;

import io.muster.contracts.ChannelType;
import io.muster.gameday.domain.GameDay;
import io.muster.gameday.service.GameDayFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Schedule a game day. {@code startsAt} is wall-clock time in {@code timeZone}; with neither {@code cron} nor
 * {@code rrule} it happens once, otherwise it is the anchor of the recurrence. Participants are a team, roles, or
 * both; without roles the scenario's expected roles are the ones that must acknowledge. With
 * {@code confirmPreparedness} the notice (so {@code noticeMinutes} is needed) asks each participant to confirm in the
 * directory that the access and tools their roles need are in place.
 */
public record GameDayRequest(
        @NotNull UUID scenarioId,
        @Size(max = 200) String title,
        @NotNull LocalDateTime startsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Size(max = 200) String cron,
        @Size(max = 500) String rrule,
        @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be a team key") String team,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be a role key")
                String> roles,
        @NotNull GameDay.Mode mode,
        @Min(1) @Max(10_080) Integer noticeMinutes,
        @Min(1) @Max(1_440) Integer timeLimitMinutes,
        @Valid Faults faults,
        Boolean confirmPreparedness) {

    public GameDayFields toFields() {
        return new GameDayFields(scenarioId, title, startsAt, timeZone, cron, rrule, team, roles, mode, noticeMinutes,
                timeLimitMinutes, faults == null ? null : faults.toFields(), confirmPreparedness);
    }

    /** Faults injected into every run of this game day. */
    public record Faults(
            @Size(max = 50) List<@NotNull UUID> unavailableContacts,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "must be a role key")
                    String> unavailableRoles,
            @Size(max = 4) List<@NotNull ChannelType> downChannels) {

        GameDayFields.Faults toFields() {
            return new GameDayFields.Faults(unavailableContacts, unavailableRoles, downChannels);
        }
    }
}
