package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnTransactionsTest {
    @Test
    void matchesLateReportsOfTheSamplersTransactionsWithoutGoingNegative() {
        OwnTransactions own = new OwnTransactions();
        // Ten samples, one transaction each; the server reports them in one lump at the fifth.
        assertThat(own.match(0, 1)).isZero();
        assertThat(own.match(0, 1)).isZero();
        assertThat(own.match(0, 1)).isZero();
        assertThat(own.match(0, 1)).isZero();
        assertThat(own.match(105, 1)).as("5 of ours and 100 of the application's").isEqualTo(5);
        assertThat(own.match(1, 1)).isEqualTo(1);
        assertThat(own.match(-3, 1)).as("a stats reset never counts negative").isZero();
        assertThat(own.match(3, 0)).as("the debt is paid later").isEqualTo(1);
    }
}
