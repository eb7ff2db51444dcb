package io.pulpperf.throughput.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObserversTest {
    /** Records what was asked of it; stop() stands for the queries a real observer sends. */
    private static final class Recording implements ScenarioObserver {
        final List<String> calls = new ArrayList<>();
        final boolean failingDiscard;

        Recording(boolean failingDiscard) {
            this.failingDiscard = failingDiscard;
        }

        @Override
        public String preflight() {
            return "recording";
        }

        @Override
        public Observing start(String scenario, Duration timeout) {
            calls.add("start " + scenario);
            return new Observing() {
                @Override
                public Observed stop(ScenarioWindow window) {
                    calls.add("stop");
                    return new Observed("recording", "seen", List.of(), List.of(), Map.of(), "seen");
                }

                @Override
                public void discard() {
                    calls.add("discard");
                    if (failingDiscard) throw new IllegalStateException("broken");
                }
            };
        }
    }

    @Test
    void aSkippedScenarioIsDiscardedWithoutReadingAnything() {
        Recording first = new Recording(true);
        Recording second = new Recording(false);
        Observers.Running running = new Observers(List.of(first, second)).start("repo-delete-4w", Duration.ofMinutes(1));
        running.discard();
        assertThat(first.calls).containsExactly("start repo-delete-4w", "discard");
        assertThat(second.calls).as("one failing discard does not keep the next from stopping")
                .containsExactly("start repo-delete-4w", "discard");
    }

    @Test
    void aScenarioThatRanIsStoppedAndReported() {
        Recording one = new Recording(false);
        List<Observed> observed = new Observers(List.of(one)).start("s", Duration.ofMinutes(1)).stop(Instant.now(), Instant.now());
        assertThat(one.calls).containsExactly("start s", "stop");
        assertThat(observed).singleElement().extracting(Observed::observation).isEqualTo("seen");
    }

    @Test
    void anObserverWithoutItsOwnDiscardIsDiscardedQuietly() {
        ScenarioObserver plain = new ScenarioObserver() {
            @Override
            public String preflight() {
                return "plain";
            }

            @Override
            public Observing start(String scenario, Duration timeout) {
                return window -> {
                    throw new AssertionError("a skipped scenario must not be read");
                };
            }
        };
        new Observers(List.of(plain)).start("s", Duration.ofMinutes(1)).discard();
    }
}
