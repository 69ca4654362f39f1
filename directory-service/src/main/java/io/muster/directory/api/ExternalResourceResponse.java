package io.muster.directory.api;

import io.muster.directory.service.ExternalResourceFields;
import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ExternalResource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ExternalResourceResponse(UUID id, ExternalResource.Kind kind, String organisation, String serviceType,
        String contractNumber, String supportLevel, ExternalResourceFields.ExternalContact primaryContact,
        ExternalResourceFields.ExternalContact escalationContact, String availability, Integer responseSlaMinutes,
        List<String> expertise, Integer notificationDeadlineHours, String owningRoleKey, Instant contactVerifiedAt,
        LocalDate reviewDueOn, Instant updatedAt, List<String> notifyForIncidentTypes) {

    public static ExternalResourceResponse of(ExternalResource r, boolean fullDetails) {
        return new ExternalResourceResponse(r.id, r.kind, r.organisation, r.serviceType, r.contractNumber,
                r.supportLevel, contact(r.primaryName, r.primaryEmail, r.primaryPhone, fullDetails),
                r.escalationName == null ? null
                        : contact(r.escalationName, r.escalationEmail, r.escalationPhone, fullDetails),
                r.availability, r.responseSlaMinutes, List.copyOf(r.expertise), r.notificationDeadlineHours,
                r.owningRoleKey, r.contactVerifiedAt, r.reviewDueOn, r.updatedAt,
                r.notifyForIncidentTypes == null ? List.of() : List.copyOf(r.notifyForIncidentTypes));
    }

    private static ExternalResourceFields.ExternalContact contact(String name, String email, String phone,
            boolean full) {
        return new ExternalResourceFields.ExternalContact(name,
                email == null || full ? email : ContactMasking.mask(ChannelType.EMAIL, email),
                phone == null || full ? phone : ContactMasking.mask(ChannelType.SMS, phone));
    }
}
