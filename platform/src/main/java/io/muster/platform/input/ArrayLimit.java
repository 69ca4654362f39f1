package io.muster.platform.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises the number of items any array of a request body of this type may hold above
 * {@link RequestBodyScreen#DEFAULT_ARRAY_LIMIT}. For documents that legitimately carry long lists, such as a directory
 * import; bean validation still bounds each list on its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ArrayLimit {
    int value();
}
