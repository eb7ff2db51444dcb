package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the failures attachment says about a reason's first task from the log observer's figures (issue 26 item 3). */
class FailedTaskLogsTest {
    private static final String FOUND = "/pulp/api/v3/tasks/0193e4b2-0000-7000-8000-000000000001/";
    private static final String SILENT = "/pulp/api/v3/tasks/0193e4b2-0000-7000-8000-000000000002/";

    private static Map<String, Object> figures(List<String> problems) {
        return Map.of("sources", List.of(Map.of("name", "/var/log/pulp/worker.log", "problems", problems)),
                "failedTasks", List.of(Map.of("task", FOUND, "lines", List.of("Task[t] 0193e4b2 failed (E: x)", "  File \"a.py\"", ""), "moreLines", 3),
                        Map.of("task", SILENT, "lines", List.of(), "moreLines", 0)));
    }

    @Test
    @DisplayName("Its lines, or that no line named it (and why it may be missing), or that it was not looked up; nothing without logs")
    void eachCaseInWords() {
        FailedTaskLogs logs = FailedTaskLogs.of(figures(List.of()));
        assertThat(logs.text(FOUND)).isEqualTo("Task[t] 0193e4b2 failed (E: x)\n  File \"a.py\"\n[3 more lines]");
        assertThat(logs.text(SILENT)).isEqualTo("no log line names this task");
        assertThat(logs.text("/pulp/api/v3/tasks/other/")).startsWith("not looked up in the logs");
        assertThat(FailedTaskLogs.of(figures(List.of("/var/log/pulp/worker.log: no such file"))).text(SILENT))
                .isEqualTo("no log line names this task (the logs were read with a problem, so a line may be missing: /var/log/pulp/worker.log: no such file)");
        assertThat(FailedTaskLogs.of(null)).as("no log source configured").isNull();
        assertThat(FailedTaskLogs.of(Map.of("sources", List.of()))).as("the log observer was not told the failed tasks").isNull();
    }
}
