package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.notification.service.PageIntake;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two of the service's beans depend on each other, directly or around a loop: a cycle means neither can be
 * understood, tested or changed without the other. Reads the compiled classes of {@code io.muster.notification}
 * (fields annotated {@code @Inject}, the parameters of an {@code @Inject} constructor or of a bean's only
 * constructor; {@code Instance<T>} and {@code Provider<T>} count as a dependency on T) and looks for a cycle.
 */
class BeanGraphTest {

    private static final String BASE = "io.muster.notification";

    @Test
    void theServicesBeansDependOnEachOtherWithoutACycle() throws Exception {
        Map<Class<?>, Set<Class<?>>> graph = graph(mainClasses());
        assertThat(graph).as("the scan found the send path").containsKey(PageIntake.class);
        assertThat(cycles(graph)).as("dependency cycles among beans").isEmpty();
    }

    @Test
    void theScanFindsACycleWhereThereIsOne() {
        Map<Class<?>, Set<Class<?>>> graph = graph(List.of(LoopA.class, LoopB.class, LoopC.class, Leaf.class));
        assertThat(graph.get(LoopA.class)).containsExactly(LoopB.class);
        assertThat(graph.get(LoopC.class)).containsExactlyInAnyOrder(LoopA.class, Leaf.class);
        assertThat(cycles(graph)).singleElement().asString()
                .contains("LoopA").contains("LoopB").contains("LoopC").doesNotContain("Leaf");
    }

    /** Classes in the main output directory (where {@link PageIntake} was loaded from) under the base package. */
    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException {
        Path root = Path.of(PageIntake.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve(BASE.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, BeanGraphTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return classes;
    }

    /** Each class to the classes of the base package it has injected (an interface stands for its implementations). */
    private static Map<Class<?>, Set<Class<?>>> graph(List<Class<?>> classes) {
        Map<Class<?>, Set<Class<?>>> graph = new LinkedHashMap<>();
        for (Class<?> type : classes) {
            if (type.isInterface() || type.isAnnotation() || type.isRecord() || type.isEnum()) {
                continue;
            }
            Set<Class<?>> needs = new LinkedHashSet<>();
            for (Type dependency : injected(type)) {
                Class<?> raw = target(dependency);
                if (raw == null || !raw.getName().startsWith(BASE + ".")) {
                    continue;
                }
                if (raw.isInterface()) {
                    classes.stream().filter(c -> c != raw && raw.isAssignableFrom(c) && !c.isInterface())
                            .forEach(needs::add);
                } else {
                    needs.add(raw);
                }
            }
            graph.put(type, needs);
        }
        return graph;
    }

    private static List<Type> injected(Class<?> type) {
        List<Type> types = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)) {
                    types.add(field.getGenericType());
                }
            }
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        for (Constructor<?> constructor : constructors) {
            // An inner class's constructor takes its outer instance, which is not injection.
            boolean inner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
            boolean onlyOne = constructors.length == 1 && constructor.getParameterCount() > 0 && !inner;
            if (constructor.isAnnotationPresent(Inject.class) || onlyOne) {
                types.addAll(List.of(constructor.getGenericParameterTypes()));
            }
        }
        return types;
    }

    /** The class a dependency resolves to: T for {@code Instance<T>} and {@code Provider<T>}. */
    private static Class<?> target(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if ((raw == Instance.class || raw == Provider.class) && p.getActualTypeArguments().length == 1) {
                return target(p.getActualTypeArguments()[0]);
            }
            return raw;
        }
        return null;
    }

    /** Every elementary cycle is found at least once; each is reported as "A -> B -> A". */
    private static List<String> cycles(Map<Class<?>, Set<Class<?>>> graph) {
        List<String> found = new ArrayList<>();
        Set<Set<Class<?>>> seen = new LinkedHashSet<>();
        Map<Class<?>, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (Class<?> start : graph.keySet()) {
            walk(start, graph, state, new ArrayDeque<>(), found, seen);
        }
        return found;
    }

    private static void walk(Class<?> node, Map<Class<?>, Set<Class<?>>> graph, Map<Class<?>, Integer> state,
            Deque<Class<?>> path, List<String> found, Set<Set<Class<?>>> seen) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<Class<?>> loop = new ArrayList<>();
            for (var it = path.descendingIterator(); it.hasNext(); ) {
                loop.add(it.next());
            }
            loop = loop.subList(loop.indexOf(node), loop.size());
            if (seen.add(new LinkedHashSet<>(loop))) {
                StringBuilder text = new StringBuilder();
                loop.forEach(c -> text.append(c.getSimpleName()).append(" -> "));
                found.add(text.append(node.getSimpleName()).toString());
            }
            return;
        }
        state.put(node, 1);
        path.push(node);
        for (Class<?> next : graph.getOrDefault(node, Set.of())) {
            walk(next, graph, state, path, found, seen);
        }
        path.pop();
        state.put(node, 2);
    }

    // A deliberate cycle (A -> B -> C -> A, C also needing a leaf) to show the scan can fail.
    static class LoopA {
        @Inject
        LoopB b;
    }

    static class LoopB {
        @Inject
        Provider<LoopC> c;
    }

    static class LoopC {
        @Inject
        LoopC(LoopA a, Leaf leaf) {
        }
    }

    static class Leaf {
    }
}
