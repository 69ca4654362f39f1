package io.muster.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects what the system tests proved (flows passed, pages under each fault, bad requests, matrix cells) and
 * prints it when the test plan ends, on stdout and in {@code target/system-tests-summary.txt}. Registered as a
 * JUnit Platform listener through {@code META-INF/services}, so it sees every test's outcome.
 */
public final class Summary implements TestExecutionListener {

    private static final Map<String, String> FACTS = new TreeMap<>();
    private static final List<String> RESULTS = new ArrayList<>();
    private static final Map<String, Callable<String>> AT_END = new TreeMap<>();

    /** Records one line of the summary under a key such as {@code "fault kill -9 notification-service"}. */
    static synchronized void record(String key, String line) {
        FACTS.put(key, line);
    }

    /**
     * Records a line worked out when the test plan ends, after every test has run (the suite is still up then:
     * it is stopped when the JVM exits), for figures the whole run adds to, such as audit entries.
     */
    static synchronized void recordAtEnd(String key, Callable<String> line) {
        AT_END.put(key, line);
    }

    private static long startedAt;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        startedAt = System.nanoTime();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            synchronized (Summary.class) {
                String clazz = test.getUniqueId().replaceAll(".*\\[class:io\\.muster\\.system\\.([^\\]]+)].*", "$1");
                RESULTS.add(String.format("  %-8s %s.%s", result.getStatus(), clazz, test.getDisplayName()));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        String text;
        synchronized (Summary.class) {
            if (RESULTS.isEmpty()) {
                return;
            }
            AT_END.forEach((key, line) -> {
                try {
                    FACTS.put(key, line.call());
                } catch (Exception | AssertionError e) {
                    FACTS.put(key, "not available: " + e);
                }
            });
            StringBuilder out = new StringBuilder("\n==== Muster system tests: summary ====\n");
            long passed = RESULTS.stream().filter(r -> r.trim().startsWith("SUCCESSFUL")).count();
            out.append(String.format("tests: %d passed of %d in %d s (suite start included)%n", passed,
                    RESULTS.size(), (System.nanoTime() - startedAt) / 1_000_000_000L));
            RESULTS.forEach(r -> out.append(r).append('\n'));
            FACTS.forEach((k, v) -> out.append(String.format("%s: %s%n", k, v)));
            out.append("======================================\n");
            text = out.toString();
        }
        System.out.print(text);
        try {
            Path file = Path.of(System.getProperty("muster.summary", "target/system-tests-summary.txt"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("cannot write the system-test summary: " + e);
        }
    }
}
