package io.muster.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JVM flags the local run starts the four services and the console with, chosen for the JDK that runs them: any
 * JDK 17 or later (any vendor; 17, 21, 25...). A JVM that does not know a flag exits at start with one line in a log,
 * so a flag is passed only where that JDK has it.
 *
 * <p>Measured with NMT (bench/README.md): G1's own structures took ~44 MB and a 256 MB heap sat at ~150 MB with 30-80
 * MB live, so: the serial collector, a 128 MB heap, a bounded metaspace and a periodic native-heap trim, which returns
 * what the JIT compilers and Kafka clients freed (~50 MB per service); the runner also sets two glibc malloc arenas
 * ({@code MALLOC_ARENA_MAX}). The trim flag exists from JDK 17.0.9, 21.0.1 and
 * 22 on (JDK 18-20 and 21.0.0 lack it), experimental in the 17 and 21 updates, hence the unlock flag.
 *
 * <p>Usage: {@code ServiceJvmFlags} run by the JDK the services will run on (the runner's {@code java}); prints the
 * flags on one line, and a note on standard error when one is left out. On a JDK older than 17 it prints why and exits
 * with 2 (the runner checks the major version before, as a class of release 17 does not load there).
 */
public final class ServiceJvmFlags {

    /** The oldest Java feature release the services, Kafka 4 and Keycloak 26 run on. */
    static final int OLDEST_FEATURE = 17;

    static final List<String> ALWAYS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m", "-XX:MaxMetaspaceSize=192m");

    static final List<String> NATIVE_HEAP_TRIM =
            List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");

    private ServiceJvmFlags() {
    }

    /** Why the services cannot run on {@code version}, or empty when they can. */
    static Optional<String> refusal(Runtime.Version version) {
        if (version.feature() >= OLDEST_FEATURE) {
            return Optional.empty();
        }
        return Optional.of("Muster needs a JDK " + OLDEST_FEATURE + " or later; this one is " + version
                + " (set JAVA_HOME to another JDK)");
    }

    /** Whether {@code version} has {@code -XX:TrimNativeHeapInterval} (JDK-8293114 and its backports). */
    static boolean hasNativeHeapTrim(Runtime.Version version) {
        return switch (version.feature()) {
            case 17 -> version.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> version.update() >= 1;
            default -> version.feature() > 21;
        };
    }

    /** The services' JVM flags on {@code version}, a JDK the services run on (see {@link #refusal}). */
    static List<String> flags(Runtime.Version version) {
        List<String> flags = new ArrayList<>(ALWAYS);
        if (hasNativeHeapTrim(version)) {
            flags.addAll(NATIVE_HEAP_TRIM);
        }
        return List.copyOf(flags);
    }

    /** What the runner says when {@code version} lacks a flag it would otherwise pass, or empty. */
    static Optional<String> note(Runtime.Version version) {
        if (hasNativeHeapTrim(version)) {
            return Optional.empty();
        }
        return Optional.of("note: JDK " + version + " has no -XX:TrimNativeHeapInterval (JDK 17.0.9+, 21.0.1+ and 22+"
                + " do); the services run without the periodic native-heap trim, so each keeps ~50 MB more resident"
                + " memory.");
    }

    public static void main(String[] args) {
        Runtime.Version version = Runtime.version();
        Optional<String> refusal = refusal(version);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(2);
        }
        note(version).ifPresent(System.err::println);
        System.out.println(String.join(" ", flags(version)));
    }
}
