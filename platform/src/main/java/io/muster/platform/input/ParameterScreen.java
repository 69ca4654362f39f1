package io.muster.platform.input;

import io.muster.platform.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, naming the parameter, query, path and header values the database cannot store (see
 * {@link StorableText}), for every operation of every service: a search term with a NUL in it would otherwise
 * reach PostgreSQL and fail there. Runs after matching, so path parameters are known by name.
 */
public class ParameterScreen {

    @ServerRequestFilter
    public void screen(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true), "");
        check(request.getUriInfo().getQueryParameters(true), "");
        check(request.getHeaders(), "header ");
    }

    private static void check(MultivaluedMap<String, String> values, String kind) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String nameProblem = StorableText.problemWith(entry.getKey());
            if (nameProblem != null) {
                throw ProblemException.badRequest(kind + JsonPath.printable(entry.getKey()),
                        "parameter name " + nameProblem);
            }
            for (String value : entry.getValue()) {
                String wrong = StorableText.problemWith(value);
                if (wrong != null) {
                    throw ProblemException.badRequest(kind + entry.getKey(), wrong);
                }
            }
        }
    }
}
