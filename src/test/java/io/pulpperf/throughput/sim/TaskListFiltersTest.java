package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulpperf.throughput.pulp.PulpTime;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The task list filters of the fact sheet ({@code TaskFilter} in {@code pulpcore/app/viewsets/task.py}),
 * each checked against the same selection made on the full list.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Task list filters, ordering, field selection and pagination")
class TaskListFiltersTest {
    /** Two UUIDs (Pulp replaces any other Correlation-ID) that share all but their last digit. */
    private static final String CID_PREFIX = "d157000000004000800000000000000";  // 31 hex digits
    private static final String CREATE = "pulpcore.app.tasks.base.general_create";
    private static final String DELETE = "pulpcore.app.tasks.base.ageneral_delete";

    private SimHttp s;
    private List<JsonNode> all;

    @BeforeAll
    void tasksOfEveryKind() {
        s = SimHttp.fast(SimulatorConfig.defaults().withWorkers(1).withServiceTime("general_create", "2ms"));
        for (int i = 0; i < 3; i++) s.awaitTask(s.deleteRepository(s.createRepository("r" + i)), "completed");
        for (int i = 0; i < 2; i++) s.awaitTask(s.createDistribution("d" + i, CID_PREFIX + i), "completed");
        s.sim.setWorkers(0);
        String repo = s.createRepository("twice");
        s.deleteRepository(repo);
        s.deleteRepository(repo);
        s.sim.setWorkers(1);
        s.awaitIdle();
        s.sim.setWorkers(0);
        s.deleteRepository(s.createRepository("left-waiting"));
        all = results("tasks/?limit=1000");
        assertThat(all).hasSize(8);
    }

    @AfterAll
    void stop() {
        s.close();
    }

    private List<JsonNode> results(String path) {
        List<JsonNode> rows = new ArrayList<>();
        s.get(path).path("results").forEach(rows::add);
        return rows;
    }

    private Set<String> hrefs(String query) {
        Set<String> set = new LinkedHashSet<>();
        results("tasks/?limit=1000&" + query).forEach(t -> set.add(t.path("pulp_href").asText()));
        return set;
    }

    private Set<String> expected(Predicate<JsonNode> keep) {
        Set<String> set = new LinkedHashSet<>();
        all.stream().filter(keep).forEach(t -> set.add(t.path("pulp_href").asText()));
        return set;
    }

    @Test
    void nameAndNameIn() {
        assertThat(hrefs("name=" + CREATE)).hasSize(2).isEqualTo(expected(t -> t.path("name").asText().equals(CREATE)));
        assertThat(hrefs("name__in=" + CREATE + "," + DELETE)).hasSize(8);
        assertThat(hrefs("name__in=nothing.like.this")).isEmpty();
    }

    @Test
    void stateAndStateIn() {
        assertThat(hrefs("state__in=completed,failed")).hasSize(7)
                .isEqualTo(expected(t -> Set.of("completed", "failed").contains(t.path("state").asText())));
        assertThat(hrefs("state=waiting")).hasSize(1);
        assertThat(hrefs("state__in=waiting,running,canceling&name=" + DELETE)).hasSize(1);
    }

    @Test
    void loggingCidExactAndContains() {
        assertThat(hrefs("logging_cid=" + CID_PREFIX + 1)).hasSize(1);
        assertThat(hrefs("logging_cid__contains=" + CID_PREFIX)).hasSize(2)
                .isEqualTo(expected(t -> t.path("logging_cid").asText().startsWith(CID_PREFIX)));
    }

    @ParameterizedTest(name = "{0}__{1}")
    @CsvSource({"pulp_created,gte", "pulp_created,gt", "pulp_created,lte", "pulp_created,lt",
                "started_at,gte", "started_at,gt", "started_at,lte", "started_at,lt",
                "finished_at,gte", "finished_at,gt", "finished_at,lte", "finished_at,lt",
                "unblocked_at,gte", "unblocked_at,gt", "unblocked_at,lte", "unblocked_at,lt"})
    void datetimeBoundsOnTheFourTimestamps(String field, String lookup) {
        List<JsonNode> withValue = all.stream().filter(t -> t.path(field).isTextual()).toList();
        String pivot = withValue.get(withValue.size() / 2).path(field).asText();
        long p = PulpTime.parseMicros(pivot);
        Set<String> got = hrefs(field + "__" + lookup + "=" + URLEncoder.encode(pivot, StandardCharsets.UTF_8));
        Set<String> want = expected(t -> {
            if (!t.path(field).isTextual()) return false;  // SQL comparisons never match NULL
            long v = PulpTime.parseMicros(t.path(field).asText());
            return switch (lookup) {
                case "gte" -> v >= p;
                case "gt" -> v > p;
                case "lte" -> v <= p;
                default -> v < p;
            };
        });
        assertThat(got).isEqualTo(want).isNotEmpty();
    }

    @Test
    void orderingByATimestampPutsNullsLastAndBreaksTiesNewestFirst() {
        List<String> got = results("tasks/?limit=1000&ordering=started_at").stream().map(t -> t.path("pulp_href").asText()).toList();
        Comparator<JsonNode> byStart = Comparator.comparing((JsonNode t) -> t.path("started_at").isNull() ? null : t.path("started_at").asText(),
                Comparator.nullsLast(Comparator.naturalOrder()));
        List<String> want = all.stream().sorted(byStart).map(t -> t.path("pulp_href").asText()).toList();
        assertThat(got).isEqualTo(want);
        List<String> oldestFirst = results("tasks/?limit=1000&ordering=pulp_created").stream().map(t -> t.path("pulp_href").asText()).toList();
        List<String> newestFirst = new ArrayList<>(all.stream().map(t -> t.path("pulp_href").asText()).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(oldestFirst).isEqualTo(newestFirst);
        s.as().get(s.v3 + "tasks/?ordering=bogus").then().statusCode(400)
                .body("ordering", contains("Select a valid choice. bogus is not one of the available choices."));
    }

    @Test
    void fieldsExcludeFieldsAndMinimal() {
        assertThat(TaskLifecycleHttpTest.fieldNames(results("tasks/?fields=state,pulp_href").get(0))).containsExactly("pulp_href", "state");
        List<String> excluded = TaskLifecycleHttpTest.fieldNames(results("tasks/?exclude_fields=result,error").get(0));
        assertThat(excluded).doesNotContain("result", "error").contains("pulp_href", "reserved_resources_record");
        assertThat(TaskLifecycleHttpTest.fieldNames(results("tasks/?minimal=true").get(0))).containsExactlyElementsOf(TaskJson.MINIMAL_FIELDS);
    }

    @Test
    void badValuesAndUnknownFiltersAreReportedTogether() {
        s.as().get(s.v3 + "tasks/?state=bogus&bogus_filter=1").then().statusCode(400)
                .body("state[0]", equalTo("Select a valid choice. bogus is not one of the available choices."))
                .body("errors[0]", equalTo("Invalid Filter: 'bogus_filter'"));
        s.as().get(s.v3 + "tasks/?finished_at__lt=yesterday").then().statusCode(400)
                .body("finished_at__lt[0]", equalTo("Enter a valid date/time."));
    }

    @Test
    void walkingNextLinksVisitsEveryTaskOnce() {
        Set<String> seen = new HashSet<>();
        String url = s.v3 + "tasks/?limit=3&state__in=completed,failed,waiting";
        for (int page = 0; url != null && page < 10; page++) {
            JsonNode body = s.get(url.replaceFirst("^http://[^/]+", ""));
            assertThat(body.path("count").asInt()).isEqualTo(8);
            body.path("results").forEach(t -> assertThat(seen.add(t.path("pulp_href").asText())).isTrue());
            url = body.path("next").isNull() ? null : body.path("next").asText();
        }
        assertThat(seen).hasSize(8);
        JsonNode second = s.get("tasks/?limit=3&offset=3");
        assertThat(second.path("previous").asText()).endsWith(s.v3 + "tasks/?limit=3");
        assertThat(second.path("next").asText()).endsWith(s.v3 + "tasks/?limit=3&offset=6");
    }

    @Test
    void keysetPagingOnPulpCreated() {
        List<JsonNode> oldest = results("tasks/?limit=3&ordering=pulp_created");
        String from = URLEncoder.encode(oldest.get(2).path("pulp_created").asText(), StandardCharsets.UTF_8);
        List<JsonNode> next = results("tasks/?limit=3&ordering=pulp_created&pulp_created__gte=" + from);
        assertThat(next.get(0).path("pulp_href")).isEqualTo(oldest.get(2).path("pulp_href"));
        assertThat(next).hasSize(3);
    }
}
