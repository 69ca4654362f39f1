package io.muster.directory.api;

import io.muster.directory.service.ReadinessRefresh;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * After every successful change through the API (its transaction has committed by the time the response is
 * written), asks for the readiness findings to be rechecked, so that a change that adds or clears a finding is
 * published within a moment rather than at the next periodic recheck.
 */
@Provider
public class ReadinessAfterChanges implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ReadinessRefresh refresh;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!READS.contains(request.getMethod()) && response.getStatus() < 300
                && request.getUriInfo().getPath().startsWith("/api/")) {
            refresh.soon();
        }
    }
}
