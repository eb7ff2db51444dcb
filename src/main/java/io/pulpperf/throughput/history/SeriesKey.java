package io.pulpperf.throughput.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pulpperf.throughput.config.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series is one scenario name with unchanged parameters: the key is the name plus a digest of
 * the parameters that shape the load, so changing any of them (tasks, workers, rate...) starts a
 * new series. Thresholds and timeouts judge or bound a run without changing it, so they are not part.
 */
public final class SeriesKey {
    // Durations (a search's step) as "PT2S", not numbers, so the digest reads like the file.
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private SeriesKey() {}

    public static Map<String, Object> parameters(Scenario s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("workload", s.workload().key());
        p.put("workers", s.workers());
        p.put("tasks", s.tasks());
        p.put("concurrency", s.concurrency());
        if (s.rate() != null) p.put("rate", s.rate());
        p.put("shape", s.shape().name().toLowerCase(java.util.Locale.ROOT));
        if (s.search() != null) p.put("search", JSON.convertValue(s.search(), Map.class));
        if (s.request() != null) p.put("request", JSON.convertValue(s.request(), Map.class));
        if (s.testPath() != null) p.put("testPath", s.testPath());
        return p;
    }

    /** "name@1a2b3c4d": the name and the first 8 hex digits of SHA-256 over the sorted parameters. */
    public static String of(String name, Map<String, Object> parameters) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(new TreeMap<>(parameters));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return name + "@" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
