package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.contracts.directory.RotationSnapshot;
import io.muster.platform.input.ArrayLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A directory to import in one go. People name each other (manager, backup, team and rotation members, a role's
 * escalation contact) by {@code ref}, a key that only lives inside this document. Teams are named by name, roles by
 * their key in the catalog.
 */
// A whole directory lists up to 2,000 people in one array, above the default limit on any array of a request.
@ArrayLimit(2_000)
public record DirectoryImport(
        @Size(max = 2000) List<@NotNull @Valid Person> people,
        @Size(max = 200) List<@NotNull @Valid Team> teams,
        @Size(max = 200) List<@NotNull @Valid Rotation> rotations,
        @Size(max = 500) List<@NotNull @Valid ExternalResourceFields> externalResources,
        @Size(max = 100) List<@NotNull @Valid Role> roles) {

    public record Person(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 letters, digits, dots, dashes or underscores") String ref,
            @NotBlank @Size(max = 120) String displayName,
            @Size(max = 120) String department,
            @Size(max = 64) String managerRef,
            @NotBlank @Size(max = 64) String timeZone,
            @Size(max = 50) List<@NotBlank @Size(max = 80) String> skills,
            @Size(max = 50) List<@NotBlank @Size(max = 120) String> certifications,
            @Size(max = 20) List<@NotBlank @Size(max = 63) String> roles,
            @NotNull @Min(1) @Max(4) Integer escalationLevel,
            @Size(max = 64) String backupRef,
            @Size(max = 200) String availability,
            Instant lastReviewedAt,
            @Size(max = 120) String lastReviewedBy,
            Boolean active,
            @Size(max = 10) List<@NotNull @Valid Channel> channels) {
    }

    /**
     * {@code verified: true} records the importing admin's word that the channel reaches the person (e.g. carried
     * over from the system being replaced); otherwise a code is sent as for any new channel.
     */
    public record Channel(
            @NotNull ChannelType type,
            @NotBlank @Size(max = 2048) String address,
            @NotNull @Min(1) @Max(99) Integer preference,
            Boolean verified) {
    }

    public record Team(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 2000) String description,
            @Size(max = 500) List<@NotBlank String> memberRefs) {
    }

    public record Rotation(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String team,
            @NotBlank @Size(max = 63) String roleKey,
            @NotBlank @Size(max = 64) String timeZone,
            @NotNull LocalDateTime handoffStart,
            @NotNull RotationSnapshot.ShiftUnit shiftUnit,
            @NotNull @Min(1) @Max(1000) Integer shiftLength,
            @NotNull @Size(max = 100) List<@NotBlank String> memberRefs) {
    }

    /**
     * What the import sets on a role of the catalog (which it neither creates nor renames): its escalation contact,
     * an active person of this document paged for the role after every holder.
     */
    public record Role(
            @NotBlank @Size(max = 63) String key,
            @NotBlank @Size(max = 64) String escalationContactRef) {
    }
}
