package io.muster.directory.service;

import io.muster.directory.domain.ExternalResource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An outside party as the audit log keeps it: every field, contacts unmasked (the shape the API shows it in). */
record ExternalResourceState(UUID id, ExternalResource.Kind kind, String organisation, String serviceType,
        String contractNumber, String supportLevel, ExternalResourceFields.ExternalContact primaryContact,
        ExternalResourceFields.ExternalContact escalationContact, String availability, Integer responseSlaMinutes,
        List<String> expertise, Integer notificationDeadlineHours, String owningRoleKey, Instant contactVerifiedAt,
        LocalDate reviewDueOn, Instant updatedAt, List<String> notifyForIncidentTypes) {

    static ExternalResourceState of(ExternalResource r) {
        return new ExternalResourceState(r.id, r.kind, r.organisation, r.serviceType, r.contractNumber,
                r.supportLevel, new ExternalResourceFields.ExternalContact(r.primaryName, r.primaryEmail,
                        r.primaryPhone),
                r.escalationName == null ? null
                        : new ExternalResourceFields.ExternalContact(r.escalationName, r.escalationEmail,
                                r.escalationPhone),
                r.availability, r.responseSlaMinutes, List.copyOf(r.expertise), r.notificationDeadlineHours,
                r.owningRoleKey, r.contactVerifiedAt, r.reviewDueOn, r.updatedAt,
                r.notifyForIncidentTypes == null ? List.of() : List.copyOf(r.notifyForIncidentTypes));
    }
}
