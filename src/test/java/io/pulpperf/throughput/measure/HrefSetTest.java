package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HrefSetTest {
    @Test
    void keepsUuidAndOtherHrefsAndSpotsRepeats() {
        HrefSet set = new HrefSet();
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) hrefs.add("/pulp/api/v3/tasks/" + UUID.randomUUID() + "/");
        hrefs.add("/pulp/api/v3/tasks/00000000-0000-0000-0000-000000000000/");
        hrefs.add("/pulp/api/v3/tasks/7/");
        for (String h : hrefs) assertThat(set.add(h)).isTrue();
        for (String h : hrefs) assertThat(set.add(h)).as(h).isFalse();
        assertThat(set.size()).isEqualTo(hrefs.size());
        assertThat(hrefs).allMatch(set::contains);
        assertThat(set.contains("/pulp/api/v3/tasks/" + UUID.randomUUID() + "/")).isFalse();
        assertThat(set.contains("/pulp/api/v3/tasks/8/")).isFalse();
        // the same task under a domain path is the same id
        String id = UUID.randomUUID().toString();
        set.add("/pulp/api/v3/tasks/" + id + "/");
        assertThat(set.contains("/api/pulp/perf/api/v3/tasks/" + id + "/")).isTrue();
    }
}
