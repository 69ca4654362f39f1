package io.muster.gameday.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A scheduled drill: which scenario, when (in a named zone), who takes part, how, and which faults to inject. */
@Entity
@Table(name = "game_day")
public class GameDay extends PanacheEntityBase {

    public enum Mode {
        /** Real pages go out, marked [DRILL]. */
        LIVE,
        /** Paging is recorded but nothing is sent: a tabletop exercise. */
        SILENT
    }

    @Id
    public UUID id;

    @Column(name = "scenario_id")
    public UUID scenarioId;

    public String title;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "starts_at_local")
    public LocalDateTime startsAtLocal;

    @Enumerated(EnumType.STRING)
    @Column(name = "recurrence_kind")
    public Recurrence.Kind recurrenceKind;

    public String recurrence;

    @Column(name = "participant_team")
    public String participantTeam;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_roles")
    public List<String> participantRoles;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    @Column(name = "notice_minutes")
    public Integer noticeMinutes;

    @Column(name = "time_limit_s")
    public int timeLimitSeconds;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unavailable_contacts")
    public List<UUID> unavailableContacts;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "unavailable_roles")
    public List<String> unavailableRoles;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "down_channels")
    public List<String> downChannels;

    /** The notice asks each participant to confirm their access and tools in the directory. */
    @Column(name = "confirm_preparedness")
    public boolean confirmPreparedness;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** When participants of the run due at {@code dueAt} are due their notice, or null without one. */
    public Instant noticeAt(Instant dueAt) {
        return noticeMinutes == null ? null : dueAt.minusSeconds(noticeMinutes * 60L);
    }

    public Recurrence schedule() {
        return Recurrence.of(recurrenceKind, recurrence, startsAtLocal, ZoneId.of(timeZone));
    }
}
