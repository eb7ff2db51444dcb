package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.pulp.PulpTime;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats as pulpcore writes them (issue 20): every TTL/3, late by the lag knobs, missing for a
 * while on request; {@code online}/{@code missing} judged by the server's clock, which the
 * {@code Date} header carries, as in the recordings of pulpcore 3.105.16.
 */
@DisplayName("Simulated workers heartbeat every TTL/3, late or missing on request")
class WorkerHeartbeatTest {
    private static final Duration TTL = Duration.ofMillis(600);

    @Test
    void aLiveWorkersBeatIsAtMostAThirdOfTheTtlOldByTheDateHeaderAsRecorded() {
        Recording rec = Recording.named("workers-online-heartbeat");
        Instant recordedDate = date(rec.responseHeaders().get("date"));
        Instant recordedBeat = PulpTime.ofMicros(PulpTime.parseMicros(rec.responseBody().path("results").get(0).path("last_heartbeat").asText()));
        // The recording itself: a beat younger than the 10 s period, not later than the answer (1 s resolution).
        assertThat(Duration.between(recordedBeat, recordedDate)).isBetween(Duration.ofSeconds(-1), Duration.ofSeconds(10));
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(3))) {
            Response r = s.as().get(s.v3 + "workers/?online=true&fields=name,last_heartbeat");
            Instant serverNow = date(r.getHeader("Date"));
            JsonNode rows = s.json(r).path("results");
            assertThat(rows).hasSize(3);
            for (JsonNode w : rows) {
                assertThat(w.fieldNames()).toIterable().containsExactly("name", "last_heartbeat");
                Duration age = Duration.between(PulpTime.ofMicros(PulpTime.parseMicros(w.path("last_heartbeat").asText())), serverNow);
                assertThat(age).as("age of %s", w.path("name").asText()).isBetween(Duration.ofSeconds(-1), Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void beatsAdvanceEveryThirdOfTheTtl() throws InterruptedException {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(1).withHeartbeats(HeartbeatPlan.defaults().withTtl(TTL)))) {
            List<Instant> beats = distinctBeats(s, Duration.ofMillis(1100));
            assertThat(beats).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 1; i < beats.size(); i++) assertThat(Duration.between(beats.get(i - 1), beats.get(i))).isEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void aFixedLagMakesEveryPeriodLonger() throws InterruptedException {
        HeartbeatPlan late = HeartbeatPlan.defaults().withTtl(TTL).withLag(Duration.ofMillis(100));
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(1).withHeartbeats(late))) {
            List<Instant> beats = distinctBeats(s, Duration.ofMillis(1100));
            assertThat(beats).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < beats.size(); i++) assertThat(Duration.between(beats.get(i - 1), beats.get(i))).isEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aLagPerWorkerGrowsWithTheFleetUntilBeatsOutliveTheTtl() throws InterruptedException {
        // 200 ms + 5 workers x 100 ms = 700 ms between beats, past the 600 ms TTL: all drop out for a while.
        HeartbeatPlan loaded = HeartbeatPlan.defaults().withTtl(TTL).withLagPerWorker(Duration.ofMillis(100));
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(5).withHeartbeats(loaded))) {
            int fewest = 5;
            Instant end = Instant.now().plusMillis(1600);
            while (Instant.now().isBefore(end)) {
                fewest = Math.min(fewest, s.get("workers/?online=true").path("count").asInt());
                Thread.sleep(20);
            }
            assertThat(fewest).as("workers online at the emptiest moment").isZero();
            assertThat(s.get("workers/?online=true").path("count").asInt() + s.get("workers/?missing=true").path("count").asInt())
                    .as("online and missing together").isEqualTo(5);
        }
    }

    @Test
    void aWorkerThatMissesItsBeatsLeavesTheOnlineSetAndComesBack() throws InterruptedException {
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(2).withHeartbeats(HeartbeatPlan.defaults().withTtl(TTL)))) {
            String name = s.get("workers/?online=true").path("results").get(1).path("name").asText();
            s.sim.missHeartbeats(name, Duration.ofMillis(1200));
            s.awaitMissing(1);
            assertThat(s.get("workers/?missing=true").path("results").get(0).path("name").asText()).isEqualTo(name);
            assertThat(s.get("/pulp/api/v3/status/").path("online_workers")).hasSize(1);
            assertThat(s.get("workers/").path("count").asInt()).as("its process still runs, so its row stays").isEqualTo(2);
            s.awaitMissing(0);
            assertThat(s.get("workers/?online=true").path("count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void anOutageFromTheConfigNamesTheWorkerByStartOrder() {
        HeartbeatPlan plan = HeartbeatPlan.defaults().withTtl(TTL).withOutage(2, Duration.ZERO, Duration.ofHours(1));
        try (SimHttp s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(3).withHeartbeats(plan))) {
            s.awaitMissing(1);
            assertThat(s.get("workers/?missing=true").path("results").get(0).path("name").asText()).isEqualTo("1001@pulp-sim");
            assertThat(s.get("workers/?online=false").path("count").asInt()).isEqualTo(1);
            assertThat(s.get("workers/?online=true&missing=false").path("count").asInt()).isEqualTo(2);
        }
    }

    @Test
    void theKnobsReadFromProperties() {
        var p = new java.util.Properties();
        p.setProperty("sim.workerTtl", "3s");
        p.setProperty("sim.heartbeatLag", "250ms");
        p.setProperty("sim.heartbeatLagPerWorker", "10ms");
        p.setProperty("sim.heartbeatOutage.3", "5s/40s");
        HeartbeatPlan plan = SimulatorConfig.fromProperties(p).heartbeats();
        assertThat(plan).isEqualTo(new HeartbeatPlan(Duration.ofSeconds(3), Duration.ofMillis(250), Duration.ofMillis(10),
                List.of(new HeartbeatPlan.Outage(3, Duration.ofSeconds(5), Duration.ofSeconds(40)))));
    }

    /** The one worker's successive last_heartbeat values seen over {@code span}. */
    private static List<Instant> distinctBeats(SimHttp s, Duration span) throws InterruptedException {
        List<Instant> beats = new ArrayList<>();
        Instant end = Instant.now().plus(span);
        while (Instant.now().isBefore(end)) {
            Instant beat = PulpTime.ofMicros(PulpTime.parseMicros(s.get("workers/").path("results").get(0).path("last_heartbeat").asText()));
            if (beats.isEmpty() || !beats.get(beats.size() - 1).equals(beat)) beats.add(beat);
            Thread.sleep(15);
        }
        return beats;
    }

    private static Instant date(String header) {
        return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
