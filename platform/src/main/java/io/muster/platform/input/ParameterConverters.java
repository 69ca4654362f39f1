package io.muster.platform.input;

import io.muster.platform.problem.ProblemException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Path, query and header parameters of the scalar types the services take, converted strictly and refused with a
 * 400 that names the parameter: UUIDs only in canonical form ({@link CanonicalUuids}), integers within their
 * Java type, booleans only as {@code true}/{@code false} ({@link Boolean#valueOf} reads anything else as false),
 * enums only by a constant's name. The framework's own converters answer a bad value with a 400 or a 404 that
 * names nothing.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(text -> CanonicalUuids.parse(name, text));
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(text -> parse(name, text, Integer::valueOf,
                    "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(text -> parse(name, text, Long::valueOf,
                    "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(text -> {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(text);
                }
                throw ProblemException.badRequest(name, "must be true or false");
            });
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String message = "must be one of " + Arrays.toString(type.getEnumConstants());
            return (ParamConverter<T>) converter(text -> parse(name, text, t -> Enum.valueOf(type, t), message));
        }
        return null;
    }

    private static <V> V parse(String name, String text, Function<String, V> parser, String message) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, message);
        }
    }

    private static <V> ParamConverter<V> converter(Function<String, V> from) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null ? null : from.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                String name = null;
                if (a instanceof PathParam p) {
                    name = p.value();
                } else if (a instanceof QueryParam q) {
                    name = q.value();
                } else if (a instanceof HeaderParam h) {
                    name = h.value();
                } else if (a instanceof CookieParam c) {
                    name = c.value();
                } else if (a instanceof FormParam f) {
                    name = f.value();
                }
                if (name != null && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return "parameter";
    }
}
