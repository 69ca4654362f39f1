package io.muster.directory.api;

import io.muster.directory.domain.ReadinessReport;
import io.muster.directory.service.ReadinessCheck;
import io.muster.directory.service.ReadinessGauges;
import io.muster.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {

    @Inject
    ReadinessCheck check;

    @Inject
    ReadinessGauges gauges;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public ReadinessResponse report() {
        ReadinessReport report = check.report();
        gauges.update(report);
        return ReadinessResponse.of(report);
    }
}
