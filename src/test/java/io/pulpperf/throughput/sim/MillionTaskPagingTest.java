package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.pulp.PulpTime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A million finished tasks, listed page by page: a page deep into the table (by {@code offset},
 * or by keyset on {@code pulp_created}) must cost about what the first page costs. Compares
 * medians of the simulator's own pages, not absolute times, and prints the figures.
 */
@DisplayName("Listing a million tasks: deep pages cost what the first one does")
class MillionTaskPagingTest {
    private static final int TASKS = 1_000_000;
    private static final int ROUNDS = 15;
    private static final String NAME = "pulpcore.app.tasks.base.ageneral_delete";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void deepOffsetAndKeysetPagesCostNoMoreThanTheFirst() throws Exception {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(0))) {
            long start = System.nanoTime();
            TaskEngine.CreatedSpan span = s.sim.engine().insertFinished(TASKS, NAME, Domains.DEFAULT, "bench");
            long insertMillis = (System.nanoTime() - start) / 1_000_000;
            String tasks = s.sim.baseUrl() + s.v3 + "tasks/?limit=100";
            String keyset = tasks + "&ordering=pulp_created&pulp_created__gte=";

            JsonNode deep = get(s, tasks + "&offset=900000");
            assertThat(deep.path("count").asInt()).isEqualTo(TASKS);
            assertThat(micros(deep.path("results").get(0))).isEqualTo(span.firstMicros() + (TASKS - 1 - 900_000) * 100L);
            JsonNode nearEnd = get(s, keyset + time(span.firstMicros() + 999_800 * 100L));
            assertThat(nearEnd.path("count").asInt()).isEqualTo(200);
            assertThat(micros(nearEnd.path("results").get(99))).isEqualTo(span.firstMicros() + 999_899 * 100L);

            Map<String, Double> ms = new LinkedHashMap<>();
            ms.put("offset, first page", median(tasks));
            ms.put("offset 900,000", median(tasks + "&offset=900000"));
            ms.put("keyset, first page", median(keyset + time(span.firstMicros())));
            ms.put("keyset near the end", median(keyset + time(span.firstMicros() + 999_800 * 100L)));
            ms.put("cid keyset near the end", median(keyset + time(span.firstMicros() + 999_800 * 100L) + "&logging_cid=bench"));
            ms.put("name filter, offset 900,000 (scans)", median(tasks + "&offset=900000&name=" + NAME));
            long heapMb = usedHeapMb();
            System.out.printf("Million-task paging: insert %d ms, heap after GC %d MB%n", insertMillis, heapMb);
            ms.forEach((k, v) -> System.out.printf("  %-38s %7.2f ms per page (median of %d)%n", k, v, ROUNDS));

            // Generous bounds: a page that scanned up to its offset would be tens of times slower.
            assertThat(ms.get("offset 900,000")).isLessThan(3 * ms.get("offset, first page") + 2);
            assertThat(ms.get("keyset near the end")).isLessThan(3 * ms.get("keyset, first page") + 2);
            assertThat(ms.get("cid keyset near the end")).isLessThan(3 * ms.get("keyset, first page") + 2);
            assertThat(heapMb).isLessThan(1024);
        }
    }

    private static String time(long micros) {
        return URLEncoder.encode(PulpTime.format(micros), StandardCharsets.UTF_8);
    }

    private static long micros(JsonNode task) {
        return PulpTime.parseMicros(task.path("pulp_created").asText());
    }

    private static JsonNode get(SimHttp s, String url) throws Exception {
        return Recording.JSON.readTree(fetch(url));
    }

    private static String fetch(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic YWRtaW46cGFzc3dvcmQ=").build();  // admin:password, the test default
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** Median milliseconds of {@value #ROUNDS} requests after 3 unmeasured ones. */
    private static double median(String url) throws Exception {
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < 3 + ROUNDS; i++) {
            long t = System.nanoTime();
            fetch(url);
            if (i >= 3) ms[i - 3] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
