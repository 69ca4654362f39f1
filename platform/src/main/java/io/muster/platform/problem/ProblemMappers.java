package io.muster.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.muster.platform.domain.Refusal;
import io.muster.platform.input.JsonPath;
import io.muster.platform.input.StoredValueRefusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure a request can meet into one problem+json shape. Nothing else in a service maps errors. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return respond(ProblemException.problemOf(e));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of("invalid-request", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors));
    }

    /* Quarkus REST brings its own mappers for some Jackson exceptions; naming each type here makes ours win. */
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class, InputCoercionException.class, StreamConstraintsException.class })
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping.getPath());
            String message;
            if (e.getCause() instanceof InputCoercionException) {
                message = "is out of range";
            } else if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
                message = "must be a valid " + format.getTargetType().getSimpleName();
            } else {
                message = "has the wrong type or shape";
            }
            return respond(Problem.of("invalid-request", "Invalid request", 400, field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }
        // Read errors that still know where the parser stood: a duplicated key, a number too large for its type.
        boolean duplicate = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
        if ((duplicate || e instanceof InputCoercionException) && e.getProcessor() instanceof JsonParser parser
                && parser.getParsingContext() != null) {
            String field = JsonPath.at(parser.getParsingContext());
            String message = duplicate ? "is given more than once" : "is out of range";
            return respond(Problem.of("invalid-request", "Invalid request", 400, field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }
        if (e instanceof StreamConstraintsException) {
            return respond(Problem.of("invalid-request", "Invalid request", 400, "body: " + e.getOriginalMessage(),
                    List.of(new Problem.FieldError("body", "is too deeply nested or too large to read"))));
        }
        return respond(Problem.of("malformed-json", "Malformed JSON", 400,
                "the request body is not valid JSON", List.of(new Problem.FieldError("body", "not valid JSON"))));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "the token does not grant a role this operation needs", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // A parameter converter's refusal and some read errors arrive wrapped by the framework; they name the field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return respond(problem.problem());
            }
            if (cause instanceof Refusal refusal) {
                return refused(refusal);
            }
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadable(unreadable);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of("http-" + status, title, status, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        Problem refused = StoredValueRefusal.of(e);
        if (refused != null) {
            LOG.warnf("the database refused a value of a request: %s", refused.detail());
            return respond(refused);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s", incident);
        return respond(Problem.of("internal", "Internal error", 500,
                "the failure was logged under " + incident, List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The field a violation concerns: the bean path below the method parameter ({@code channels[1].address}), or
     * the parameter's own name (a query or path parameter).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder bean = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // A node inside a list or map carries the index of the container it sits in.
                    if (node.isInIterable() && node.getIndex() != null) {
                        bean.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        bean.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!bean.isEmpty()) {
                            bean.append('.');
                        }
                        bean.append(node.getName());
                    }
                }
            }
        }
        if (!bean.isEmpty()) {
            return bean.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
