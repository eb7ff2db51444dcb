package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.pulp.NamedObject;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a cleanup reports as left: count, names, the requests that remove it, never the credentials in a URL. */
class LeftoverReportTest {
    private static final URI BASE = URI.create("https://user:s3cret@pulp.example:8443");
    private static final URI V3 = URI.create("https://user:s3cret@pulp.example:8443/pulp/api/v3/");
    private static final List<String> PATHS = List.of("repositories/file/file/");

    @Test
    void namesTheObjectsLeftAndGivesADeleteForEach() {
        List<NamedObject> left = IntStream.range(0, 25)
                .mapToObj(i -> new NamedObject("tps-abc-" + i, "/pulp/api/v3/repositories/file/file/" + i + "/")).toList();
        String text = LeftoverReport.of(new RunCleanup.Outcome(3, 75, 5, left, 0, "tps-abc-24: got 503"), "tps-abc-", PATHS, V3, BASE);

        assertThat(text).startsWith("cleanup failed (remove objects named tps-abc-* by hand): 25 left after 5 rounds "
                + "(last error: tps-abc-24: got 503): tps-abc-0, tps-abc-1, ").contains("tps-abc-19 and 5 more. Remove them with:")
                .doesNotContain("tps-abc-20,");
        assertThat(text.lines().filter(l -> l.startsWith("  curl -X DELETE -u \"$PULP_USERNAME:$PULP_PASSWORD\" "
                + "'https://pulp.example:8443/pulp/api/v3/repositories/file/file/"))).hasSize(20);
        assertThat(text).contains("pulp file repository destroy --name NAME")
                .contains("\n  curl -u \"$PULP_USERNAME:$PULP_PASSWORD\" "
                        + "'https://pulp.example:8443/pulp/api/v3/repositories/file/file/?name__startswith=tps-abc-&fields=pulp_href,name'")
                .doesNotContain("s3cret").doesNotContain("user:");
    }

    @Test
    void saysSoWhenNothingCouldBeListed() {
        String text = LeftoverReport.of(new RunCleanup.Outcome(0, 0, 3, null, 0, "no answer from GET"), "tps-abc-", PATHS, V3, BASE);
        assertThat(text).startsWith("cleanup failed (remove objects named tps-abc-* by hand): they could not be listed in 3 rounds "
                + "(last error: no answer from GET). Remove them with a DELETE of each pulp_href")
                .contains("?name__startswith=tps-abc-").doesNotContain("s3cret");
    }
}
