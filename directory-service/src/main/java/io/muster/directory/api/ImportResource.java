package io.muster.directory.api;

import io.muster.directory.service.ImportResult;
import io.muster.directory.service.DirectoryImport;
import io.muster.directory.service.DirectoryCsv;
import io.muster.directory.service.DirectoryImporter;
import io.muster.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.UnaryOperator;

/**
 * Imports people and channels (JSON may also carry teams, rotations and external resources), all or nothing.
 * {@code ?dryRun=true} checks everything and reports what would be created, writing nothing.
 */
@Path("/api/v1/import")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** About 2,000 CSV lines of generous width. */
    private static final int MAX_CSV_CHARS = 2_000_000;

    @Inject
    DirectoryImporter importer;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public ImportResult importJson(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @NotNull DirectoryImport data) {
        return importer.run(data, dryRun, CallerAccess.actor(identity), UnaryOperator.identity());
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    public ImportResult importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @NotNull @Size(max = MAX_CSV_CHARS) String csv) {
        DirectoryCsv.Parsed parsed = DirectoryCsv.parse(csv);
        return importer.run(parsed.data(), dryRun, CallerAccess.actor(identity), parsed.fieldNames(), parsed.errors());
    }
}
