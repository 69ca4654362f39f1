package io.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.contracts.ChannelType;
import io.muster.directory.api.ContactMasking;
import io.muster.directory.domain.ChannelAddresses;
import io.muster.directory.domain.SupportedChannels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address rules and the masking viewers see, without the application. */
class ContactRulesTest {

    @ParameterizedTest(name = "{0} {1} valid={2}")
    @CsvSource({
            "SMS, +447700900123, true",
            "SMS, +1234567, true",
            "SMS, +123456789012345, true",
            "SMS, +123456, false",
            "SMS, +1234567890123456, false",
            "SMS, +0447700900123, false",
            "SMS, 447700900123, false",
            "VOICE, +44 7700 900123, false",
            "VOICE, +4477009001x3, false",
            "EMAIL, alice@example.com, true",
            "EMAIL, first.last+ir@sub.example.co.uk, true",
            "EMAIL, alice@localhost, false",
            "EMAIL, alice.example.com, false",
            "EMAIL, al ice@example.com, false",
            "WEBHOOK, https://hooks.example.com/muster?x=1, true",
            "WEBHOOK, http://hooks.example.com/muster, false",
            "WEBHOOK, https:///nohost, false",
            "WEBHOOK, https://user:pw@hooks.example.com/, false",
            "WEBHOOK, ftp://hooks.example.com/, false" })
    void addressesAreCheckedForTheirType(ChannelType type, String address, boolean valid) {
        assertThat(ChannelAddresses.problemWith(type, address).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} supported={1}")
    @CsvSource({ "EMAIL, true", "SMS, true", "WEBHOOK, true", "VOICE, false" })
    void newChannelsAreOfTheTypesThatPageOnly(ChannelType type, boolean supported) {
        assertThat(SupportedChannels.problemWith(type).isEmpty()).isEqualTo(supported);
        if (!supported) {
            assertThat(SupportedChannels.problemWith(type)).hasValueSatisfying(m -> assertThat(m)
                    .startsWith(type + " channels are not supported yet").contains("as an SMS channel"));
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "EMAIL, alice.smith@example.com, a***@example.com",
            "SMS, +447700900123, +44********23",
            "VOICE, +12065550100, +12*******00",
            "WEBHOOK, https://hooks.example.com/secret/token, https://hooks.example.com/***" })
    void viewersSeeOnlyEnoughToRecogniseTheAddress(ChannelType type, String address, String masked) {
        assertThat(ContactMasking.mask(type, address)).isEqualTo(masked).doesNotContain(address);
    }
}
