package io.muster.directory.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person calling with a bearer token, as the rules that let people change their own entries see them.
 *
 * @param actor  how the audit log names them (the token's principal)
 * @param admin  holds the admin role
 * @param names  the names the token goes by (principal, subject, username), lower case
 * @param emails the addresses the token is known by (its names and an {@code email} claim the provider has not
 *               said is unverified), lower case
 */
public record SignedInCaller(String actor, boolean admin, Set<String> names, Set<String> emails) {

    public SignedInCaller {
        names = lowerCase(names);
        emails = lowerCase(emails);
    }

    /**
     * Whether the caller is this person: their id or {@code login} is one of the caller's names, or one of the
     * person's verified email addresses is one of the caller's addresses.
     */
    public boolean is(Person person, Iterable<ContactChannel> channels) {
        if (names.contains(person.id.toString())
                || (person.login != null && names.contains(person.login.strip().toLowerCase(Locale.ROOT)))) {
            return true;
        }
        for (ContactChannel channel : channels) {
            if (channel.type == io.muster.contracts.ChannelType.EMAIL && channel.verified() && channel.address != null
                    && emails.contains(channel.address.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lowerCase(Set<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
