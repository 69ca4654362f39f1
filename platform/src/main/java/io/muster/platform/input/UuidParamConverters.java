package io.muster.platform.input;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/** Path, query and header parameters of type {@link UUID} accept only the canonical form ({@link CanonicalUuids}). */
@Provider
public class UuidParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = nameOf(annotations);
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                return value == null ? null : CanonicalUuids.parse(name, value);
            }

            @Override
            public String toString(UUID value) {
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
