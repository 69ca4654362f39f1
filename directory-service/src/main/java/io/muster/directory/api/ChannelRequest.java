package io.muster.directory.api;

import io.muster.directory.service.NewChannel;
import io.muster.contracts.ChannelType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new contact channel. The address must fit the type (E.164 for SMS, an email address, an https URL for
 * WEBHOOK) and VOICE is refused until Muster places voice calls; the use case checks both. Lower preference is tried first.
 */
public record ChannelRequest(
        @NotNull ChannelType type,
        @NotBlank @Size(max = 2048) String address,
        @NotNull @Min(1) @Max(99) Integer preference) {

    public NewChannel toNewChannel() {
        return new NewChannel(type, address, preference);
    }
}
