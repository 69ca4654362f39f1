package io.muster.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency percentiles of one series of samples, in milliseconds. */
record Stats(int count, double p50, double p95, double p99, double max) {

    static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, ms(pick(sorted, 0.50)), ms(pick(sorted, 0.95)), ms(pick(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long pick(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("p50_ms", p50);
        m.put("p95_ms", p95);
        m.put("p99_ms", p99);
        m.put("max_ms", max);
        return m;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms", count, p50, p95, p99, max);
    }

    static double median(double... values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
