package io.muster.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceJvmFlagsTest {

    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @ParameterizedTest(name = "{0}: trim {1}")
    @CsvSource({
            "17+35, false", "17.0.8+7, false", "17.0.8.1+1, false", "17.0.9+9, true", "17.0.15+6-Debian-1deb12u1, true",
            "18.0.2+9, false", "19.0.2+7, false", "20.0.2+9, false",
            "21+35, false", "21.0.1+12-LTS, true", "21.0.5+11, true",
            "22+36, true", "23.0.1+11, true", "25.0.3+9-LTS, true", "26-ea+20, true"})
    void theNativeHeapTrimIsPassedOnlyToJdksThatHaveIt(String version, boolean trim) {
        Runtime.Version v = Runtime.Version.parse(version);

        assertThat(ServiceJvmFlags.hasNativeHeapTrim(v)).isEqualTo(trim);
        assertThat(ServiceJvmFlags.refusal(v)).isEmpty();
        if (trim) {
            assertThat(ServiceJvmFlags.flags(v)).containsExactly("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m",
                    "-XX:MaxMetaspaceSize=192m", "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000");
            assertThat(ServiceJvmFlags.note(v)).isEmpty();
        } else {
            assertThat(ServiceJvmFlags.flags(v)).containsExactly("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m",
                    "-XX:MaxMetaspaceSize=192m");
            assertThat(ServiceJvmFlags.note(v)).hasValueSatisfying(note -> assertThat(note)
                    .startsWith("note: JDK " + version + " has no -XX:TrimNativeHeapInterval")
                    .contains("~50 MB more resident memory"));
        }
    }

    @ParameterizedTest
    @CsvSource({"8.0.402", "11.0.22+7", "16.0.2+7"})
    void aJdkOlderThan17IsRefusedWithItsVersionAndWhatToDo(String version) {
        Runtime.Version v = Runtime.Version.parse(version);

        assertThat(ServiceJvmFlags.refusal(v)).hasValue("Muster needs a JDK 17 or later; this one is " + v
                + " (set JAVA_HOME to another JDK)");
    }

    @Test
    void theJdkRunningTheseTestsAcceptsExactlyTheTrimFlagItIsSaidToHave() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        boolean trimAccepted = run(java, ServiceJvmFlags.NATIVE_HEAP_TRIM).exitCode == 0;

        assertThat(trimAccepted).isEqualTo(ServiceJvmFlags.hasNativeHeapTrim(Runtime.version()));
        assertThat(run(java, ServiceJvmFlags.flags(Runtime.version())).exitCode).isZero();
    }

    @Test
    void onTemurin25TheRunnerPrintsFlagsThatJdkStartsWith() throws Exception {
        assumeTrue(Files.isExecutable(TEMURIN_25), "no Temurin 25 at " + TEMURIN_25);

        List<String> printFlags = List.of("-cp", classesDirectory().toString(), ServiceJvmFlags.class.getName());
        Result printed = run(TEMURIN_25, printFlags);
        assertThat(printed.exitCode).as(printed.output).isZero();
        List<String> flags = List.of(printed.stdout.strip().split(" "));

        assertThat(flags).containsAll(ServiceJvmFlags.NATIVE_HEAP_TRIM).containsAll(ServiceJvmFlags.ALWAYS);
        assertThat(printed.output).doesNotContain("note:");
        Result started = run(TEMURIN_25, flags);
        assertThat(started.exitCode).as(started.output).isZero();
        assertThat(started.output).contains("version \"25");
    }

    record Result(int exitCode, String stdout, String output) {
    }

    /** Runs {@code java [args...] -version} (or the class named in args) and waits for it. */
    static Result run(Path java, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(args);
        if (!args.contains("-cp")) {
            command.add("-version");
        }
        Process process = new ProcessBuilder(command).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(stdout, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), out, out + new String(stderr, StandardCharsets.UTF_8));
    }

    static Path classesDirectory() throws URISyntaxException {
        return Path.of(ServiceJvmFlags.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
