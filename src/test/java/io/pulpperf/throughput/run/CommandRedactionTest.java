package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A disruption's command and output never carry a secret into the console or a report (issue 28). */
class CommandRedactionTest {
    @Test
    void knownSecretsAndWhatCommonlyCarriesOneAreMasked() {
        String text = "psql postgres://pulp:s3cr3t-pw@db:5432/pulp -c 'select 1'\n"
                + "PGPASSWORD=hunter22 psql -h db\n"
                + "curl -H 'Authorization: Bearer eyJhbGciOi.x.y' --password p4ss https://h/\n"
                + "aws rds reboot-db-instance --db-instance-identifier pulp-db --force-failover\n"
                + "token=abc123 api_key: zzz999 and the admin password TopSecret!";
        String out = CommandRedaction.redact(text, List.of("TopSecret!"));
        assertThat(out).doesNotContain("s3cr3t-pw", "hunter22", "eyJhbGciOi", "p4ss", "abc123", "zzz999", "TopSecret!")
                .contains("postgres://****@db:5432/pulp", "PGPASSWORD=****", "Authorization: Bearer ****", "--password ****",
                        "token=****", "api_key: ****")
                .contains("aws rds reboot-db-instance --db-instance-identifier pulp-db --force-failover");
    }

    @Test
    void textWithoutSecretsIsLeftAlone() {
        String text = "pod \"pulp-worker-7c9\" deleted\n{\"kind\":\"workers-die\",\"killed\":2,\"runningTasks\":1}";
        assertThat(CommandRedaction.redact(text, List.of())).isEqualTo(text);
    }
}
