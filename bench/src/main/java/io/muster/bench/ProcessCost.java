package io.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time and memory of the local run's processes, read from /proc: CPU seconds used between two readings, and
 * the resident set size now and at its peak (VmHWM). A process's CPU includes its children, live and exited: the
 * PostgreSQL server does its work in one backend process per connection.
 */
final class ProcessCost {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();

    ProcessCost(Path pidDir, String... names) throws IOException {
        for (String name : names) {
            // The runner's pid file for PostgreSQL names the launcher; the server is the postmaster it started.
            Path file = name.equals("postgres") && Files.exists(pidDir.resolveSibling("postgres/postmaster.pid"))
                    ? pidDir.resolveSibling("postgres/postmaster.pid") : pidDir.resolve(name + ".pid");
            if (Files.exists(file)) {
                pids.put(name, Long.parseLong(Files.readString(file).strip().split("\\s+")[0]));
            }
        }
    }

    void start() throws IOException {
        for (var e : pids.entrySet()) {
            ticksAtStart.put(e.getKey(), cpuTicks(e.getValue()));
        }
    }

    /** Per process: cpu_s since {@link #start()}, rss_mb now, peak_rss_mb since the process started. */
    Map<String, Map<String, Double>> stop() throws IOException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (var e : pids.entrySet()) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("cpu_s", (cpuTicks(e.getValue()) - ticksAtStart.getOrDefault(e.getKey(), 0L))
                    / (double) TICKS_PER_SECOND);
            m.put("rss_mb", statusKb(e.getValue(), "VmRSS") / 1024.0);
            m.put("peak_rss_mb", statusKb(e.getValue(), "VmHWM") / 1024.0);
            out.put(e.getKey(), m);
        }
        return out;
    }

    /** Memory now and at peak, without a CPU interval. */
    Map<String, Map<String, Double>> stopNow() throws IOException {
        start();
        return stop();
    }

    /** utime + stime of the process and of its exited children (cutime + cstime), plus its live children's. */
    private static long cpuTicks(long pid) throws IOException {
        String[] f = statFields(pid);
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        if (Files.exists(children)) {
            for (String child : Files.readString(children).strip().split("\\s+")) {
                if (!child.isEmpty()) {
                    try {
                        String[] c = statFields(Long.parseLong(child));
                        ticks += Long.parseLong(c[11]) + Long.parseLong(c[12]);
                    } catch (IOException gone) {
                        // exited between the listing and the read: its time is in the parent's cutime/cstime now
                    }
                }
            }
        }
        return ticks;
    }

    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long statusKb(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
