package io.muster.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code type} is a stable URI callers may branch on; {@code errors} names each
 * offending field (a JSON path such as {@code channels[1].address}) with what is wrong with it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://muster.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors == null ? List.of() : List.copyOf(errors));
    }
}
