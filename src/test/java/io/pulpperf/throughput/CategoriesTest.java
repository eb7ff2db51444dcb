package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.ConfigException;
import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.report.AllureContextFiles;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * categories.json against the messages our assertions and exceptions really produce, matched the
 * way Allure 2 matches them (status in matchedStatuses, whole message and trace against the
 * regexes with DOTALL; a result belongs to every category it matches) and the way Allure 3 does
 * (given the same rules by .ci/report/allurerc.mjs: a regex found anywhere, first rule wins).
 */
class CategoriesTest {
    private static final JsonNode CATEGORIES = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(AllureContextFiles.categories());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the categories Allure 2 would put a result with this status, message and trace into. */
    static Set<String> categoriesOf(String status, String message, String trace) {
        Set<String> names = new TreeSet<>();
        for (JsonNode c : CATEGORIES) {
            boolean statusOk = !c.has("matchedStatuses") || c.get("matchedStatuses").toString().contains("\"" + status + "\"");
            boolean messageOk = !c.has("messageRegex") || message != null
                    && Pattern.compile(c.get("messageRegex").asText(), Pattern.DOTALL).matcher(message).matches();
            boolean traceOk = !c.has("traceRegex") || trace != null
                    && Pattern.compile(c.get("traceRegex").asText(), Pattern.DOTALL).matcher(trace).matches();
            if (statusOk && messageOk && traceOk) names.add(c.get("name").asText());
        }
        return names;
    }

    /** Allure 3: the first rule whose status matches and whose regexes are found (JavaScript RegExp.test). */
    static String firstCategoryOf(String status, String message, String trace) {
        for (JsonNode c : CATEGORIES) {
            boolean statusOk = !c.has("matchedStatuses") || c.get("matchedStatuses").toString().contains("\"" + status + "\"");
            boolean messageOk = !c.has("messageRegex") || Pattern.compile(c.get("messageRegex").asText())
                    .matcher(message == null ? "" : message).find();
            boolean traceOk = !c.has("traceRegex") || Pattern.compile(c.get("traceRegex").asText()).matcher(trace == null ? "" : trace).find();
            if (statusOk && messageOk && traceOk) return c.get("name").asText();
        }
        return status.equals("failed") ? "Product errors" : status.equals("broken") ? "Test errors" : null;
    }

    private static String firstCategoryOf(String status, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return firstCategoryOf(status, t.getMessage(), trace.toString());
    }

    private static Set<String> categoriesOf(String status, Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        return categoriesOf(status, t.getMessage(), trace.toString());
    }

    /** What a scenario test throws when these checks failed: the soft assertions of TaskThroughputTest. */
    private static AssertionError softFailure(Check... checks) {
        CheckAssert.Soft soft = new CheckAssert.Soft();
        for (Check c : checks) soft.assertThat(c).passes();
        return (AssertionError) catchThrowable(soft::assertAll);
    }

    private static Check failed(Check.Kind kind, String figure) {
        return Check.of(kind, figure, "1", "0", false, "");
    }

    @Test
    void aThresholdBreachIsAThresholdBreachOnly() {
        AssertionError e = softFailure(Check.of(Check.Kind.THRESHOLD, "tasks per second", "25.00", "at least 30.00", false, ""),
                Check.of(Check.Kind.THRESHOLD, "success rate", "100.0%", "at least 99.0%", true, ""));
        assertThat(e.getMessage()).contains("threshold: tasks per second: expected at least 30.00 but was 25.00");
        assertThat(categoriesOf("failed", e)).containsExactly("Threshold breaches");
        assertThat(firstCategoryOf("failed", e)).isEqualTo("Threshold breaches");
    }

    @Test
    void aRegressionIsItsOwnCategory() {
        AssertionError e = softFailure(failed(Check.Kind.REGRESSION, "tasks per second vs baseline"));
        assertThat(categoriesOf("failed", e)).containsExactly("Regressions against the baseline");
        assertThat(firstCategoryOf("failed", e)).isEqualTo("Regressions against the baseline");
    }

    @Test
    void aRegressionAgainstTheHistoryIsARegression() {
        AssertionError e = softFailure(failed(Check.Kind.REGRESSION, "throughput vs history"));
        assertThat(categoriesOf("failed", e)).containsExactly("Regression");
        assertThat(firstCategoryOf("failed", e)).isEqualTo("Regression");
    }

    @Test
    void anIncompleteRunIsATimeout() {
        AssertionError e = softFailure(failed(Check.Kind.INCOMPLETE_RUN, "every task finished before the timeout"),
                Check.of(Check.Kind.RUN_PROBLEM, "problems during the run", "1", "0", false,
                        "incomplete run: timed out after 120 s with 12 tasks still unfinished"));
        assertThat(categoriesOf("failed", e)).containsExactly("Timeouts (incomplete runs)");
        assertThat(firstCategoryOf("failed", e)).isEqualTo("Timeouts (incomplete runs)");
    }

    @Test
    void severalKindsOfFailurePutTheScenarioInEachOfTheirCategories() {
        AssertionError e = softFailure(failed(Check.Kind.THRESHOLD, "lost tasks"), failed(Check.Kind.TARGET_ERROR,
                "dispatch requests without a task"));
        assertThat(categoriesOf("failed", e)).containsExactly("Target or infrastructure errors", "Threshold breaches");
        assertThat(firstCategoryOf("failed", e)).as("Allure 3 shows one: the cause comes first").isEqualTo("Target or infrastructure errors");
    }

    @Test
    void anUnreachableTargetIsAnInfrastructureError() {
        PulpClient c = new PulpClient(new Target(URI.create("http://127.0.0.1:1"), "/pulp/", null, Credentials.none()),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        Throwable e = catchThrowable(c::status);
        assertThat(e).isInstanceOf(PulpApiException.class);
        assertThat(categoriesOf("broken", e)).containsExactly("Target or infrastructure errors");
        assertThat(firstCategoryOf("broken", e)).isEqualTo("Target or infrastructure errors");
    }

    @Test
    void refusedCredentialsAreAnInfrastructureError() {
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults())) {
            PulpClient c = new PulpClient(new Target(URI.create(sim.baseUrl()), "/pulp/", null, new Credentials("admin", "wrong")),
                    Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThat(categoriesOf("broken", catchThrowable(c::login))).containsExactly("Target or infrastructure errors");
            Throwable e = catchThrowable(() -> c.tasks(Map.of()));
            assertThat(e).hasMessageContaining("got 401");
            // the message alone is enough, e.g. when a run problem quotes it inside an assertion
            assertThat(categoriesOf("failed", e.getMessage(), null)).containsExactly("Target or infrastructure errors");
        }
    }

    @Test
    void aServerErrorIsAnInfrastructureErrorButA404IsNot() {
        assertThat(categoriesOf("failed", "run problem: problems during the run: expected 0 but was 1 (collecting the tasks "
                + "failed part way: expected HTTP 200 from /pulp/api/v3/tasks/ but got 503 upstream unavailable)", null))
                .containsExactly("Target or infrastructure errors");
        assertThat(categoriesOf("failed", "expected HTTP 200 from /pulp/api/v3/tasks/ but got 404 not found", null)).isEmpty();
    }

    @Test
    void aConfigErrorIsAConfigurationError() {
        Throwable e = catchThrowable(() -> {
            throw new ConfigException("-Dpulp.baseline=x.json: no such file");
        });
        assertThat(categoriesOf("broken", e)).containsExactly("Configuration errors");
        assertThat(firstCategoryOf("broken", e)).isEqualTo("Configuration errors");
    }

    @Test
    void aWorkerMismatchSkipHasItsCategoryAndPassesAreInNone() {
        assertThat(categoriesOf("skipped", "1 workers are online but the scenario needs 4 and the suite cannot scale "
                + "this Pulp's workers; skipped", null)).containsExactly("Skipped: worker count not reachable");
        assertThat(categoriesOf("passed", null, null)).isEmpty();
    }

    @Test
    void everyCategoryHasANameAndAtLeastOneStatus() {
        assertThat(CATEGORIES).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("name").asText()).isNotBlank();
            assertThat(c.path("matchedStatuses")).isNotEmpty();
        });
        CATEGORIES.forEach(c -> {
            if (c.has("messageRegex")) Pattern.compile(c.get("messageRegex").asText());
            if (c.has("traceRegex")) Pattern.compile(c.get("traceRegex").asText());
        });
    }
}
