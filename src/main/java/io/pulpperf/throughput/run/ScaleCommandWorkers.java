package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.WorkerScaling;
import io.pulpperf.throughput.pulp.PulpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Scales a real Pulp's workers with the user's command (e.g. {@code oc scale
 * deployment/pulp-worker --replicas={workers}}), then waits on status/ until exactly that many
 * workers are online, within the configured bound.
 */
public final class ScaleCommandWorkers implements WorkerControl {
    private final WorkerScaling scaling;
    private final PulpClient client;
    private final PrintStream console;

    public ScaleCommandWorkers(WorkerScaling scaling, PulpClient client, PrintStream console) {
        this.scaling = scaling;
        this.client = client;
        this.console = console;
    }

    /** The scale command or the wait failed; the message names the command's exit or the last count seen. */
    public static final class ScalingFailedException extends RuntimeException {
        public ScalingFailedException(String message) {
            super(message);
        }
    }

    @Override
    public int ensure(int workers) {
        String command = scaling.command().replace("{workers}", String.valueOf(workers));
        long started = System.nanoTime();
        run(command);
        Duration left = scaling.timeout().minusNanos(System.nanoTime() - started);
        int[] seen = {-1};
        try {
            Awaitility.await("status/ to show " + workers + " online workers")
                    .atMost(left.isNegative() ? Duration.ofSeconds(1) : left)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> (seen[0] = client.status().workerCount()) == workers);
        } catch (ConditionTimeoutException e) {
            throw new ScalingFailedException("after '" + command + "' status/ did not show exactly " + workers
                    + " online workers within " + scaling.timeout().toSeconds() + " s; last seen: " + seen[0]
                    + " (old workers stay listed until their heartbeat is 30 s old; raise -Dpulp.workers.scaleTimeout)");
        }
        return seen[0];
    }

    private void run(String command) {
        console.println("[workers] " + command);
        ShellCommand.Outcome out;
        try {
            out = ShellCommand.run(command, scaling.timeout());
        } catch (IOException e) {
            throw new ScalingFailedException("cannot run the scale command '" + command + "': " + e.getMessage());
        }
        if (out.interrupted()) throw new ScalingFailedException("interrupted while scaling workers");
        if (out.timedOut()) {
            throw new ScalingFailedException("the scale command '" + command + "' did not finish within "
                    + scaling.timeout().toSeconds() + " s");
        }
        String output = out.output();
        if (!output.isEmpty()) console.println("[workers] " + output.replace("\n", "\n[workers] "));
        if (out.exit() != 0) {
            throw new ScalingFailedException("the scale command '" + command + "' exited with " + out.exit()
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }

    @Override
    public boolean canScale() {
        return true;
    }
}
