package io.pulpperf.throughput.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against the real PostgreSQL of {@link TestDatabase}. Without one, the tests
 * are skipped with the reason, so a developer without PostgreSQL can run the self-tests; with
 * {@code PULP_REQUIRE_DB_TESTS=true} (CI) they fail instead, so CI cannot skip them silently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresPostgres.Extension.class)
@interface RequiresPostgres {

    final class Extension implements ExecutionCondition, ParameterResolver {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RequiresPostgres.class);

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            TestDatabase db = database(context);
            Optional<String> reason = reason(context, db);
            if (reason.isEmpty()) return ConditionEvaluationResult.enabled("PostgreSQL test database at " + JdbcUrls.redact(db.url) + " is reachable and ours");
            if (db.required) return ConditionEvaluationResult.enabled(TestDatabase.REQUIRE_ENV + "=true: the tests run and fail");
            return ConditionEvaluationResult.disabled("No PostgreSQL test database of ours" + (db.url == null ? "" : " at " + JdbcUrls.redact(db.url)) + " (" + reason.get()
                    + "). Start one with: eval \"$(bash .ci/postgres.sh)\"; set " + TestDatabase.REQUIRE_ENV
                    + "=true to fail instead of skipping.");
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TestDatabase db = database(context);
            reason(context, db).ifPresent(r -> {
                throw new ParameterResolutionException(TestDatabase.REQUIRE_ENV + "=true but the PostgreSQL test database" + (db.url == null ? "" : " at " + JdbcUrls.redact(db.url))
                        + " is not available (" + r + "). Run .ci/postgres.sh before the tests (see its header).");
            });
            return db;
        }

        private static TestDatabase database(ExtensionContext context) {
            return context.getRoot().getStore(NS).getOrComputeIfAbsent("db", k -> TestDatabase.fromEnvironment(), TestDatabase.class);
        }

        // Probed once per test run: every class and test shares the answer.
        @SuppressWarnings("unchecked")
        private static Optional<String> reason(ExtensionContext context, TestDatabase db) {
            return context.getRoot().getStore(NS).getOrComputeIfAbsent("reason", k -> Optional.ofNullable(db.unavailableReason()), Optional.class);
        }
    }
}
