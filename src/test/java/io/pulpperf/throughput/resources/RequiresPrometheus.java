package io.pulpperf.throughput.resources;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the real Prometheus of {@link TestPrometheus} (started by
 * .ci/prometheus.sh, or named by PULP_TEST_PROMETHEUS_URL; never one that merely listens on 9090). Without one the tests are skipped with the reason; with
 * PULP_REQUIRE_PROMETHEUS_TESTS=true (CI) they run and fail instead, so CI cannot skip them silently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresPrometheus.Extension.class)
@interface RequiresPrometheus {

    final class Extension implements ExecutionCondition {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RequiresPrometheus.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            TestPrometheus prom = TestPrometheus.fromEnvironment();
            // Probed once per test run.
            String reason = context.getRoot().getStore(NS).getOrComputeIfAbsent("reason",
                    k -> java.util.Optional.ofNullable(prom.unavailableReason()), java.util.Optional.class).orElse(null) instanceof String s ? s : null;
            if (reason == null) return ConditionEvaluationResult.enabled("Prometheus at " + prom.url + " is ready");
            if (prom.required) return ConditionEvaluationResult.enabled(TestPrometheus.REQUIRE_ENV + "=true: the tests run and fail");
            return ConditionEvaluationResult.disabled("No test Prometheus" + (prom.url == null ? "" : " at " + prom.url) + " (" + reason + "). Start one with: eval \"$(bash "
                    + ".ci/postgres.sh)\"; eval \"$(bash .ci/prometheus.sh)\"; set " + TestPrometheus.REQUIRE_ENV + "=true to fail instead of skipping.");
        }
    }
}
