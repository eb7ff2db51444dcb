package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.pulp.PulpTask;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failures by reason (issue 27) on pulpcore 3.105.16's own error texts (shared/pulp-recordings). */
@DisplayName("Failure reasons: one cause is one group, ids and values masked, exception class first")
class FailureReasonsTest {
    private static final Pattern LOGGED_FAILURE = Pattern.compile("\\] (\\S+) failed \\((.*?)\\) in domain: \\S+", Pattern.DOTALL);

    @Test
    void theTwelveFailuresOfPr535sViewAreOneReasonWhetherReadFromTheLogOrTheApi() throws Exception {
        String log = Files.readString(Path.of(getClass().getResource("/pulp-recordings/logs/task-failed-pr535.worker.log").toURI()),
                StandardCharsets.UTF_8);
        List<PulpTask> fromLog = new ArrayList<>();
        List<PulpTask> asApi = new ArrayList<>();
        Matcher m = LOGGED_FAILURE.matcher(log);
        int i = 0;
        while (m.find()) {
            String message = m.group(2);
            fromLog.add(failed(m.group(1), i, message));
            // The tasks API holds str(exc) (exception_to_dict): the message without the class the log puts first.
            asApi.add(failed(m.group(1), i, message.substring("IntegrityError: ".length())));
            i++;
        }
        assertThat(fromLog).hasSize(12);
        for (List<PulpTask> tasks : List.of(fromLog, asApi)) {
            List<FailureReason> reasons = FailureReasons.of(tasks);
            assertThat(reasons).singleElement().satisfies(r -> {
                assertThat(r.count()).isEqualTo(12);
                assertThat(r.reason()).isEqualTo("IntegrityError: duplicate key value violates unique constraint "
                        + "\"core_distribution_base_path_pulp_domain_id_<id>_uniq\" DETAIL: Key (base_path, pulp_domain_id)=(…) already exists.");
                assertThat(r.firstTask()).isEqualTo("/pulp/api/v3/tasks/01a24e9c-492f-70cf-ac62-117be1a5f471/");
                assertThat(r.example()).contains("95ea55fb-1be9-4a17-8b3d-d332da0fe864");
            });
        }
    }

    @Test
    void twoCausesAmongRecordedAndPulpcoreTextsAreCountedApartMostFirst() throws Exception {
        JsonNode body = new ObjectMapper().readTree(Path.of(getClass().getResource("/pulp-recordings/task-failed.json").toURI()).toFile())
                .path("response").path("body");
        String doesNotExist = body.path("error").path("description").asText();
        assertThat(doesNotExist).isEqualTo("FileRepository matching query does not exist.");
        List<PulpTask> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) tasks.add(failed(body.path("pulp_href").asText() + i, 10 - i, doesNotExist));
        // pulpcore/exceptions/base.py ImmediateTaskTimeoutError: a task id and a number per task.
        for (int i = 0; i < 5; i++) {
            tasks.add(failed("/t/" + i, 20 + i, "Immediate task 01a2" + i + "ba4-5ae6-7344-9432-d8d481fb2ce" + i + " timed out after " + (5 + i) + " seconds."));
        }
        tasks.add(new PulpTask("/t/c", "x", "canceled", "c", 1, null, null, null, null));
        tasks.add(new PulpTask("/t/ok", "x", "completed", "c", 1, null, 2L, 3L, null));
        List<FailureReason> reasons = FailureReasons.of(tasks);
        assertThat(reasons).extracting(FailureReason::reason, FailureReason::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Immediate task <id> timed out after <n> seconds.", 5),
                org.assertj.core.groups.Tuple.tuple("DoesNotExist: FileRepository matching query does not exist.", 3),
                org.assertj.core.groups.Tuple.tuple("canceled", 1));
        // The first created, not the first seen.
        assertThat(reasons.get(1).firstTask()).isEqualTo(body.path("pulp_href").asText() + 2);
    }

    @Test
    void quotedValuesAndUserInfoAreMaskedButIdentifiersAndClassNamesStay() {
        assertThat(FailureReasons.reason("psycopg.errors.AdminShutdown: terminating connection due to administrator command"))
                .isEqualTo("psycopg.errors.AdminShutdown: terminating connection due to administrator command");
        assertThat(FailureReasons.reason("Repository 'run-7 copy' has no version 'abc'"))
                .isEqualTo("Repository '…' has no version 'abc'");
        assertThat(FailureReasons.reason("Request timed out for https://user:s3cret@cdn.example/p/1.rpm. Increasing the total_timeout"))
                .doesNotContain("s3cret").doesNotContain("user:");
        List<FailureReason> signed = FailureReasons.of(List.of(failed("/t/1", 1,
                "Download of https://bucket.example/p/1.rpm?X-Amz-Signature=abc123&X-Amz-Credential=AKIA failed")));
        assertThat(signed.get(0).example()).isEqualTo("Download of https://bucket.example/p/1.rpm?… failed");
        assertThat(signed.get(0).reason()).doesNotContain("Signature").doesNotContain("AKIA");
        assertThat(FailureReasons.reason("Worker has gone missing.")).isEqualTo("Worker has gone missing.");
        assertThat(FailureReasons.reason(null)).isEqualTo("(no error description)");
    }

    private static PulpTask failed(String idOrHref, long created, String description) {
        String href = idOrHref.startsWith("/") ? idOrHref : "/pulp/api/v3/tasks/" + idOrHref + "/";
        return new PulpTask(href, "create_distribution_task", "failed", "cid", created, null, created + 1, created + 2, description);
    }
}
