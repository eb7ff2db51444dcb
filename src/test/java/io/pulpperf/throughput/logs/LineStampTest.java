package io.pulpperf.throughput.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The leading times the README's sources add, cut off the line; the command's placeholders. */
class LineStampTest {
    private static final String LINE = "pulp [None]: pulpcore.tasking.worker:WARNING: Cleanup record of missing worker process 8472@pulp-host.";
    private static final Instant AT = Instant.parse("2026-12-07T03:38:53Z");

    @Test
    void sourcesTimes() {
        // oc/kubectl logs --prefix --timestamps
        assertThat(LineStamp.of("[pod/pulp-worker-7d9f/worker] 2026-12-07T03:38:53.000000000Z " + LINE)).isEqualTo(new LineStamp(AT, LINE, true));
        // podman/docker logs --timestamps
        assertThat(LineStamp.of("2026-12-07T03:38:53.000000000+00:00 " + LINE)).isEqualTo(new LineStamp(AT, LINE, true));
        // journalctl -o short-iso: host and unit dropped
        assertThat(LineStamp.of("2026-12-07T03:38:53+0000 pulp-host pulpcore-worker[8472]: " + LINE)).isEqualTo(new LineStamp(AT, LINE, true));
        // aws logs filter-log-events --query 'events[].[timestamp,message]' --output text
        assertThat(LineStamp.of(AT.toEpochMilli() + "\t" + LINE)).isEqualTo(new LineStamp(AT, LINE, true));
        // logcli query (labels after the time)
        assertThat(LineStamp.of("2026-12-07T03:38:53Z {app=\"pulp-worker\", namespace=\"pulp\"} " + LINE)).isEqualTo(new LineStamp(AT, LINE, true));
        // gunicorn's own time stays in the line; an access line's request time dates it but does not lead it
        String gunicorn = "[2026-12-07 03:38:53 +0000] [8861] [CRITICAL] WORKER TIMEOUT (pid:8870)";
        assertThat(LineStamp.of(gunicorn)).isEqualTo(new LineStamp(AT, gunicorn, true));
        String access = "('pulp [-]: 127.0.0.1 - - [07/Dec/2026:03:38:53 +0000] \"GET /pulp/test/tasks/ HTTP/1.1\" 500 0 \"-\" \"-\"',)";
        assertThat(LineStamp.of(access)).isEqualTo(new LineStamp(AT, access, false));
        assertThat(LineStamp.of(LINE)).isEqualTo(new LineStamp(null, LINE, false));
    }

    @Test
    void placeholders() {
        Instant from = Instant.parse("2026-12-07T03:38:53.400Z");
        Instant to = Instant.parse("2026-12-07T03:40:00.001Z");
        assertThat(CommandLogs.expand("x --since-time={start} --until={end} {startMillis} {endMillis} @{startSeconds} @{endSeconds} {sinceSeconds}s",
                from, to, Instant.parse("2026-12-07T03:41:00Z")))
                .isEqualTo("x --since-time=2026-12-07T03:38:53Z --until=2026-12-07T03:40:01Z 1796614733400 1796614800001 @1796614733 @1796614801 127s");
    }
}
