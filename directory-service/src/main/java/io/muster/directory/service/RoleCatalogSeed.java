package io.muster.directory.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Seeds the roles SEC10-BP01 names on first start. Roles an organisation has edited or added are left alone, and
 * nothing is seeded once the catalog holds any role.
 */
@ApplicationScoped
public class RoleCatalogSeed {

    private static final Logger LOG = Logger.getLogger(RoleCatalogSeed.class);

    static final List<RoleFields> DEFAULT_ROLES = List.of(
            new RoleFields("incident-commander", "Incident commander",
                    "Leads the response: declares severity, assigns roles, decides on containment and escalation, "
                            + "and owns the incident until it is closed.",
                    List.of("incident management", "decision making"), 1, 1, null),
            new RoleFields("incident-manager", "Incident manager",
                    "Coordinates the response: timeline, task tracking, status updates and hand-offs between shifts.",
                    List.of("coordination", "communication"), 1, 2, null),
            new RoleFields("technical-lead", "Technical lead",
                    "Directs investigation and remediation on the affected systems.",
                    List.of("system administration", "forensics"), 2, 2, null),
            new RoleFields("security-analyst", "Security analyst",
                    "Analyses logs and indicators, scopes the compromise and preserves evidence.",
                    List.of("log analysis", "threat intelligence"), 2, 3, null),
            new RoleFields("communications-lead", "Communications lead",
                    "Owns internal and external communication: staff, customers, press.",
                    List.of("crisis communication"), 3, 3, null),
            new RoleFields("subject-matter-expert", "Subject-matter expert",
                    "Brings deep knowledge of a specific system, application or business process.",
                    List.of(), 3, 4, null),
            new RoleFields("legal-counsel", "Legal counsel",
                    "Advises on legal obligations, regulator and law-enforcement notification and evidence handling.",
                    List.of("data protection law", "regulatory notification"), 4, 4, null));

    @Inject
    RoleCatalog catalog;

    void seed(@Observes StartupEvent event) {
        if (!catalog.list().isEmpty()) {
            return;
        }
        int added = 0;
        for (RoleFields role : DEFAULT_ROLES) {
            if (catalog.createIfAbsent(role)) {
                added++;
            }
        }
        LOG.infof("seeded %d incident-response roles", added);
    }
}
