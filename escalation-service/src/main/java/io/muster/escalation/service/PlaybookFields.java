package io.muster.escalation.service;

import io.muster.contracts.incidents.IncidentPhase;
import java.util.List;

/**
 * A playbook as a use case receives it to create or replace one: every step as given, none kept from before. The
 * rules a single field cannot express (unique keys, https links, known owner roles) are checked by
 * {@link PlaybookCatalog}.
 */
public record PlaybookFields(String name, String description, List<Step> steps) {

    /** One step; {@code key} names it for as long as the playbook keeps it, {@code ownerRole} is a role key. */
    public record Step(String key, IncidentPhase phase, String title, String detail, String ownerRole, String link) {
    }
}
