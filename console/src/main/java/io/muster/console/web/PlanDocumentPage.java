package io.muster.console.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.muster.console.backend.ApiResult;
import io.muster.console.backend.Backend;
import io.muster.console.backend.ServiceApi;
import io.muster.console.backend.ServiceText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The incident response plan as escalation-service renders it: a console page with its versions and links, and the
 * document itself (current or a published version, HTML or Markdown) fetched with the person's token and served
 * from the console's origin. The HTML keeps its own style sheet, allowed by hash on that response only.
 */
@Path("/plan-document")
public class PlanDocumentPage {

    private static final String DOCUMENT = "/api/v1/plan-document";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Map<String, Object>> versions, String notice, String problem);
    }

    @Inject
    ServiceApi api;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        ApiResult versions = api.get(Backend.ESCALATION, DOCUMENT + "/versions");
        return Templates.page(versions.rows(), null, versions.failure());
    }

    /** The current plan; {@code ?format=markdown} for its Markdown (the document's own toolbar links there). */
    @GET
    @Path("document")
    public Response document(@QueryParam("format") String format) {
        return serve(DOCUMENT, format);
    }

    /** A published version as approved (escalation allows responders and admins). */
    @GET
    @Path("versions/{n}")
    public Response version(@PathParam("n") String n, @QueryParam("format") String format) {
        if (n == null || !n.matches("[1-9][0-9]{0,6}")) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No such version").build();
        }
        return serve(DOCUMENT + "/versions/" + n, format);
    }

    private Response serve(String path, String format) {
        boolean markdown = "markdown".equals(format);
        ServiceText text = api.text(Backend.ESCALATION, path + "?format=" + (markdown ? "markdown" : "html"),
                markdown ? "text/markdown" : "text/html");
        if (!text.ok()) {
            return Response.status(text.status() == 0 ? 502 : text.status()).type(MediaType.TEXT_PLAIN_TYPE
                    .withCharset("UTF-8")).entity(text.failure()).build();
        }
        if (markdown) {
            // Shown as text in the browser rather than downloaded; the content is escalation's, byte for byte.
            return Response.ok(text.body()).type("text/markdown; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"incident-response-plan.md\"").build();
        }
        return Response.ok(text.body()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", DocumentPolicy.forDocument(text.body())).build();
    }
}
