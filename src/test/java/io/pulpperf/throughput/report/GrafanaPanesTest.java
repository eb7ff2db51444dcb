package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The test plan's own Explore URL (schemaVersion=1&panes={...}) opens on the scenario's window in every pane. */
class GrafanaPanesTest {
    // The URL in the test plan (seed/task-throughput-test-plan.md, "You can start here"): CloudWatch Logs of pulp-stage, now-30m.
    static final String PLAN_URL = "https://grafana.app-sre.devshift.net/explore?schemaVersion=1&panes=%7B%22vse%22%3A%7B%22datasource%22%3A%22P1A97A9592CB7F392%22%2C%22queries%22%3A%5B%7B%22id%22%3A%22%22%2C%22region%22%3A%22us-east-1%22%2C%22namespace%22%3A%22%22%2C%22refId%22%3A%22A%22%2C%22queryMode%22%3A%22Logs%22%2C%22expression%22%3A%22fields+%40logStream%2C+%40message%2C++kubernetes.namespace_name+%7C+filter+%40logStream+like+%2Fpulp-stage_pulp-%28worker%7Capi%7Ccontent%29%2F%5Cn%5Cn%5Cn%5Cn%22%2C%22statsGroups%22%3A%5B%5D%2C%22datasource%22%3A%7B%22type%22%3A%22cloudwatch%22%2C%22uid%22%3A%22P1A97A9592CB7F392%22%7D%2C%22logGroups%22%3A%5B%7B%22arn%22%3A%22arn%3Aaws%3Alogs%3Aus-east-1%3A744086762512%3Alog-group%3Acrcs02ue1.pulp-stage%3A*%22%2C%22name%22%3A%22crcs02ue1.pulp-stage%22%2C%22accountId%22%3A%22744086762512%22%7D%5D%7D%5D%2C%22range%22%3A%7B%22from%22%3A%22now-30m%22%2C%22to%22%3A%22now%22%7D%7D%7D&orgId=1";

    @Test
    void everyPaneGetsTheScenarioWindow() throws Exception {
        Instant from = Instant.parse("2026-12-07T03:38:00Z");
        Instant to = Instant.parse("2026-12-07T03:41:30Z");
        String plan = PLAN_URL;
        Path seed = Path.of("../shared/seed/task-throughput-test-plan.md");
        if (Files.isReadable(seed)) {
            // Where the shared material is at hand, the very URL of the plan (the constant above is its copy).
            Matcher m = Pattern.compile("\\((https://grafana[^)]*explore\\?[^)]*)\\)").matcher(Files.readString(seed));
            if (m.find()) plan = m.group(1);
        }
        // Two panes (a split view), to show that each gets the range.
        String twoPanes = plan.replace("%7D%7D%7D&orgId", "%7D%7D%2C%22b2%22%3A%7B%22range%22%3A%7B%22from%22%3A%22now-1h%22%2C%22to%22%3A%22now%22%7D%7D%7D&orgId");
        String url = GrafanaLink.of(twoPanes).orElseThrow().url(from, to);
        String query = URI.create(url).getRawQuery();
        String panes = null;
        for (String p : query.split("&")) if (p.startsWith("panes=")) panes = URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8);
        JsonNode root = new ObjectMapper().readTree(panes);
        assertThat(root.size()).isEqualTo(2);
        root.fields().forEachRemaining(pane -> {
            assertThat(pane.getValue().path("range").path("from").asText()).isEqualTo(Long.toString(from.toEpochMilli()));
            assertThat(pane.getValue().path("range").path("to").asText()).isEqualTo(Long.toString(to.toEpochMilli()));
        });
        // The query itself is kept, its '+' (a space in the form encoding) included.
        assertThat(root.path("vse").path("queries").get(0).path("expression").asText())
                .startsWith("fields @logStream, @message,  kubernetes.namespace_name | filter @logStream like /pulp-stage_pulp-(worker|api|content)/");
        assertThat(query).contains("orgId=1", "from=" + from.toEpochMilli(), "to=" + to.toEpochMilli());
    }
}
