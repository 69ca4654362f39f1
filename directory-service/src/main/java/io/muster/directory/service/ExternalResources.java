package io.muster.directory.service;

import io.muster.contracts.ChannelType;
import io.muster.directory.domain.ChannelAddresses;
import io.muster.directory.domain.ExternalResource;
import io.muster.directory.domain.IrRole;
import io.muster.platform.audit.AuditTrail;
import io.muster.platform.domain.Refusal;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Vendors, cloud support, MSSPs, law enforcement and regulators, each change audited. */
@ApplicationScoped
public class ExternalResources {

    @Inject
    AuditTrail audit;

    @Inject
    DirectoryEvents events;

    @Inject
    Clock clock;

    @Transactional
    public List<ExternalResource> list(ExternalResource.Kind kind) {
        return kind == null ? ExternalResource.listAll(Sort.by("organisation").and("id"))
                : ExternalResource.list("kind", Sort.by("organisation").and("id"), kind);
    }

    @Transactional
    public ExternalResource get(UUID id) {
        ExternalResource resource = ExternalResource.findById(id);
        if (resource == null) {
            throw Refusal.notFound("External resource", id);
        }
        return resource;
    }

    @Transactional
    public ExternalResource create(ExternalResourceFields request, String actor) {
        ExternalResource resource = new ExternalResource();
        resource.id = UUID.randomUUID();
        resource.createdAt = clock.instant();
        apply(resource, request);
        resource.persist();
        audit.record("external-resource", resource.id, "created", actor, null,
                ExternalResourceState.of(resource));
        events.externalPartyChanged(resource);
        return resource;
    }

    @Transactional
    public ExternalResource replace(UUID id, ExternalResourceFields request, String actor) {
        ExternalResource resource = get(id);
        ExternalResourceState before = ExternalResourceState.of(resource);
        apply(resource, request);
        // A changed contact has not been confirmed to answer.
        if (!java.util.Objects.equals(before.primaryContact(), request.primaryContact())) {
            resource.contactVerifiedAt = null;
        }
        audit.record("external-resource", id, "updated", actor, before, ExternalResourceState.of(resource));
        events.externalPartyChanged(resource);
        return resource;
    }

    /** Someone called the primary contact and it answered. */
    @Transactional
    public ExternalResource markContactVerified(UUID id, String actor) {
        ExternalResource resource = get(id);
        ExternalResourceState before = ExternalResourceState.of(resource);
        resource.contactVerifiedAt = clock.instant();
        resource.updatedAt = resource.contactVerifiedAt;
        audit.record("external-resource", id, "contact-verified", actor, before,
                ExternalResourceState.of(resource));
        events.externalPartyChanged(resource);
        return resource;
    }

    @Transactional
    public void delete(UUID id, String actor) {
        ExternalResource resource = get(id);
        ExternalResourceState before = ExternalResourceState.of(resource);
        resource.delete();
        audit.record("external-resource", id, "deleted", actor, before, null);
        events.externalPartyDeleted(id);
    }

    /** The rules one field cannot express; every violation is reported, with {@code prefix} before each field. */
    public static List<Refusal.FieldError> problemsWith(ExternalResourceFields request, String prefix) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        checkContact(request.primaryContact(), prefix + "primaryContact", errors);
        if (request.escalationContact() != null) {
            checkContact(request.escalationContact(), prefix + "escalationContact", errors);
        }
        if (request.kind() == ExternalResource.Kind.REGULATOR) {
            if (request.notificationDeadlineHours() == null) {
                errors.add(new Refusal.FieldError(prefix + "notificationDeadlineHours",
                        "a regulator needs a notification deadline"));
            }
            if (request.owningRoleKey() == null) {
                errors.add(new Refusal.FieldError(prefix + "owningRoleKey",
                        "a regulator needs a role that owns the notification"));
            }
        }
        if (request.owningRoleKey() != null && IrRole.findById(request.owningRoleKey()) == null) {
            errors.add(new Refusal.FieldError(prefix + "owningRoleKey", "unknown role " + request.owningRoleKey()));
        }
        return errors;
    }

    private static void checkContact(ExternalResourceFields.ExternalContact contact, String field,
            List<Refusal.FieldError> errors) {
        if (contact.email() == null && contact.phone() == null) {
            errors.add(new Refusal.FieldError(field, "needs an email or a phone number"));
        }
        if (contact.email() != null) {
            ChannelAddresses.problemWith(ChannelType.EMAIL, contact.email())
                    .ifPresent(m -> errors.add(new Refusal.FieldError(field + ".email", m)));
        }
        if (contact.phone() != null) {
            ChannelAddresses.problemWith(ChannelType.VOICE, contact.phone())
                    .ifPresent(m -> errors.add(new Refusal.FieldError(field + ".phone", m)));
        }
    }

    private void apply(ExternalResource resource, ExternalResourceFields request) {
        List<Refusal.FieldError> errors = problemsWith(request, "");
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        resource.kind = request.kind();
        resource.organisation = request.organisation().strip();
        resource.serviceType = request.serviceType();
        resource.contractNumber = request.contractNumber();
        resource.supportLevel = request.supportLevel();
        resource.primaryName = request.primaryContact().name().strip();
        resource.primaryEmail = request.primaryContact().email();
        resource.primaryPhone = request.primaryContact().phone();
        ExternalResourceFields.ExternalContact escalation = request.escalationContact();
        resource.escalationName = escalation == null ? null : escalation.name().strip();
        resource.escalationEmail = escalation == null ? null : escalation.email();
        resource.escalationPhone = escalation == null ? null : escalation.phone();
        resource.availability = request.availability();
        resource.responseSlaMinutes = request.responseSlaMinutes();
        resource.expertise = request.expertise() == null ? List.of()
                : request.expertise().stream().map(String::strip).distinct().toList();
        resource.notifyForIncidentTypes = request.notifyForIncidentTypes() == null ? List.of()
                : request.notifyForIncidentTypes().stream().map(String::strip).distinct().toList();
        resource.notificationDeadlineHours = request.notificationDeadlineHours();
        resource.owningRoleKey = request.owningRoleKey();
        resource.reviewDueOn = request.reviewDueOn();
        resource.updatedAt = clock.instant();
    }
}
