package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The standalone simulator in its own JVM, as {@code mvn compile exec:java@pulp-sim} runs it (.ci/sim-from-fresh-clone.sh runs that command). */
@DisplayName("Standalone simulator starts, serves and stops on SIGTERM")
class SimulatorMainTest {

    @Test
    void printsItsApiRootServesWithTheGivenUserAndExitsOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dsim.port=0", "-Dsim.workers=3", "-Dsim.username=ops", "-Dsim.password=s3cret",
                SimulatorMain.class.getName()).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        }, "sim-main-output");
        reader.setDaemon(true);
        reader.start();
        try {
            await("the API root line").atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains("API root:")));
            String root = lines.stream().filter(l -> l.contains("API root:")).findFirst().orElseThrow().replaceFirst(".*API root:\\s*", "");
            assertThat(root).matches("http://127\\.0\\.0\\.1:\\d+/pulp/api/v3/");
            io.restassured.RestAssured.given().get(root + "status/").then().statusCode(200)
                    .body("online_workers.size()", org.hamcrest.Matchers.equalTo(3));
            io.restassured.RestAssured.given().auth().preemptive().basic("ops", "s3cret").get(root + "tasks/").then().statusCode(200);
            assertThat(lines).noneMatch(l -> l.contains("s3cret"));

            // Process.destroy() would send SIGTERM too, but it closes our end of the output pipe first.
            assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited within 20 s of SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(128 + 15);
            await("the stop line in " + lines).atMost(Duration.ofSeconds(5)).until(() -> lines.contains("Pulp simulator stopped."));
        } finally {
            process.destroyForcibly();
        }
    }
}
