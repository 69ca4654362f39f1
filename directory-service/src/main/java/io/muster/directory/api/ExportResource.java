package io.muster.directory.api;

import io.muster.directory.service.DirectoryImport;
import io.muster.directory.service.DirectoryExporter;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The whole directory in the import format (JSON, lossless) or as the people-and-channels CSV the CSV import
 * reads. Admins only: it carries every contact detail unmasked, and each export is audited.
 */
@Path("/api/v1/export")
public class ExportResource {

    @Inject
    DirectoryExporter exporter;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public DirectoryImport exportJson() {
        return exporter.export(CallerAccess.actor(identity));
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public String exportCsv() {
        return DirectoryExporter.csv(exporter.export(CallerAccess.actor(identity)));
    }
}
