package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's scheduling against pulpcore's worker ({@code pulpcore/tasking/worker.py}
 * {@code _unblock_tasks}, {@code iter_tasks}), asserted on the tasks' logical timestamps rather
 * than on wall-clock timing.
 */
@DisplayName("Task engine schedules like pulpcore's workers")
class TaskEngineSemanticsTest {
    private static final SimulatorConfig NO_WORKERS = SimulatorConfig.defaults().withWorkers(0).withDefaultServiceTime("5ms");

    @Test
    void idleWorkersTakeTheOldestUnblockedTaskFirst() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            UUID a = f.dispatch("t", List.of("r1"), List.of());
            UUID b = f.dispatch("t", List.of("r2"), List.of());
            UUID c = f.dispatch("t", List.of("r3"), List.of());
            f.engine.setWorkers(1);
            f.awaitIdle();
            assertThat(f.task(b).startedMicros()).isEqualTo(f.task(a).finishedMicros());
            assertThat(f.task(c).startedMicros()).isEqualTo(f.task(b).finishedMicros());
        }
    }

    @Test
    void sharedLocksRunTogetherAndExclusiveOnesWaitForThem() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            UUID s1 = f.dispatch("t", List.of(), List.of("x"));
            UUID s2 = f.dispatch("t", List.of(), List.of("x"));
            UUID e = f.dispatch("t", List.of("x"), List.of());
            UUID s3 = f.dispatch("t", List.of(), List.of("x"));
            f.engine.setWorkers(4);
            f.awaitIdle();
            assertThat(f.task(s2).startedMicros()).isEqualTo(f.task(s1).startedMicros());
            assertThat(f.task(e).startedMicros())
                    .isGreaterThanOrEqualTo(Math.max(f.task(s1).finishedMicros(), f.task(s2).finishedMicros()));
            // An older exclusive holder blocks a younger shared one: no overtaking.
            assertThat(f.task(s3).startedMicros()).isGreaterThanOrEqualTo(f.task(e).finishedMicros());
        }
    }

    @Test
    void everyTaskIsSharedOnItsDomainSoADomainWideExclusiveLockBlocksIt() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            String domainLock = f.domains.prn(Domains.DEFAULT);
            UUID wide = f.dispatch("t", List.of(domainLock), List.of());
            UUID plain = f.dispatch("t", List.of("r"), List.of());
            assertThat(f.task(plain).reservedResourcesRecord()).containsExactly("r", "shared:" + domainLock);
            f.engine.setWorkers(2);
            f.awaitIdle();
            assertThat(f.task(plain).startedMicros()).isGreaterThanOrEqualTo(f.task(wide).finishedMicros());
        }
    }

    @Test
    void unblockedAtIsStampedTheMomentTheLockIsFreed() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS.withWorkers(2))) {
            UUID first = f.dispatch("t", List.of("r"), List.of());
            UUID second = f.dispatch("t", List.of("r"), List.of());
            f.awaitIdle();
            // On a slow machine the first may finish before the second is even created: then it is free at once.
            long freed = Math.max(f.task(first).finishedMicros(), f.task(second).createdMicros());
            assertThat(f.task(second).unblockedMicros()).isEqualTo(freed);
            assertThat(f.task(second).startedMicros()).isEqualTo(freed);
        }
    }

    @Test
    void aBlockedTaskHasNoUnblockedAtUntilTheHolderGoesAway() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS.withWorkers(2).withServiceTime("slow", "1h"))) {
            UUID holder = f.dispatch("slow", List.of("r"), List.of());
            UUID blocked = f.dispatch("t", List.of("r"), List.of());
            f.await(holder, "running");
            assertThat(f.task(blocked).state()).isEqualTo("waiting");
            assertThat(f.task(blocked).unblockedMicros()).isNull();
            f.engine.cancel(holder);
            TaskSnapshot done = f.await(blocked, "completed");
            // A canceling task's locks no longer count (worker.py: "Don't consider this task's resources as held").
            assertThat(done.unblockedMicros()).isNotNull();
            assertThat(f.await(holder, "canceled").startedMicros()).isNotNull();
        }
    }

    @Test
    void withNoWorkerOnlineNothingIsUnblocked() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            UUID free = f.dispatch("t", List.of("r1"), List.of());
            assertThat(f.task(free).unblockedMicros()).isNull();
            assertThat(f.task(free).state()).isEqualTo("waiting");
        }
    }

    @Test
    void aWaitingTaskCanceledWithoutWorkersStaysCancelingUntilAWorkerFinalisesIt() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            UUID task = f.dispatch("t", List.of("r"), List.of());
            TaskEngine.Cancel cancel = f.engine.cancel(task);
            assertThat(cancel.result()).isEqualTo(TaskEngine.CancelResult.CANCELING);
            assertThat(cancel.task().state()).isEqualTo("canceling");
            f.engine.setWorkers(1);
            TaskSnapshot done = f.await(task, "canceled");
            assertThat(done.startedMicros()).isNull();
            assertThat(done.unblockedMicros()).isNotNull();
            assertThat(done.finishedMicros()).isGreaterThanOrEqualTo(done.unblockedMicros());
            assertThat(f.engine.cancel(task).result()).isEqualTo(TaskEngine.CancelResult.ALREADY_FINAL);
        }
    }

    @Test
    void stallQuirkKeepsTasksDispatchedWithoutWorkersWaitingUntilTheNextDispatch() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS.withStallWithoutWorkers(true))) {
            UUID early = f.dispatch("t", List.of("r1"), List.of());
            f.engine.setWorkers(2);
            await("the early task to stay waiting").during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                    .until(() -> f.task(early).state().equals("waiting") && f.task(early).unblockedMicros() == null);
            UUID nudge = f.dispatch("t", List.of("r2"), List.of());
            f.await(early, "completed");
            f.await(nudge, "completed");
        }
    }

    @Test
    void withoutTheQuirkStartingWorkersPicksUpTheQueue() {
        try (EngineFixture f = new EngineFixture(NO_WORKERS)) {
            UUID early = f.dispatch("t", List.of("r1"), List.of());
            f.engine.setWorkers(1);
            f.await(early, "completed");
        }
    }

    @Test
    void failuresAtTheConfiguredRateCarryAnErrorAndAreReproducibleFromTheSeed() {
        SimulatorConfig config = NO_WORKERS.withWorkers(1).withDefaultServiceTime("0ms").withFailureRate(0.5).withSeed(7);
        List<String> first = states(config, 40);
        assertThat(first).contains("failed", "completed");
        assertThat(states(config, 40)).isEqualTo(first);
        assertThat(states(config.withFailureRate(1.0), 5)).containsOnly("failed");
    }

    private static List<String> states(SimulatorConfig config, int count) {
        try (EngineFixture f = new EngineFixture(config)) {
            List<UUID> ids = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) ids.add(f.dispatch("t", List.of("r"), List.of()));
            f.awaitIdle();
            for (UUID id : ids) {
                TaskSnapshot t = f.task(id);
                if (t.state().equals("failed")) assertThat(t.errorDescription()).startsWith("Simulated failure");
            }
            return ids.stream().map(id -> f.task(id).state()).toList();
        }
    }

    @Test
    void serviceTimesFollowTheConfiguredModelPerTaskName() {
        SimulatorConfig config = NO_WORKERS.withWorkers(1).withServiceTime("fixed", "7ms")
                .withServiceTime("pulpcore.app.tasks.base.uniform", "uniform:1ms..3ms").withSeed(3);
        try (EngineFixture f = new EngineFixture(config)) {
            UUID fixed = f.dispatch("fixed", List.of(), List.of());
            UUID uniform = f.dispatch("pulpcore.app.tasks.base.uniform", List.of(), List.of());
            f.awaitIdle();
            assertThat(f.task(fixed).finishedMicros() - f.task(fixed).startedMicros()).isEqualTo(7_000);
            assertThat(f.task(uniform).finishedMicros() - f.task(uniform).startedMicros()).isBetween(1_000L, 3_000L);
        }
        assertThat(serviceDraws(config.withServiceTime("e", "exp:4ms"))).isEqualTo(serviceDraws(config.withServiceTime("e", "exp:4ms")));
    }

    private static List<Long> serviceDraws(SimulatorConfig config) {
        ServiceTime time = config.serviceTimeFor("e");
        return List.of(time.nextMicros(), time.nextMicros(), time.nextMicros());
    }
}
