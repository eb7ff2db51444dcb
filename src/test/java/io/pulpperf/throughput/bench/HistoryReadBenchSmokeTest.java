package io.pulpperf.throughput.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history benchmark runs at a toy size and reads back every record it wrote. */
class HistoryReadBenchSmokeTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWrote() throws Exception {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            HistoryReadBench.main(new String[] {"200", "1", dir.toString()});
        } finally {
            System.setOut(was);
        }
        assertThat(out.toString()).startsWith("history read: 200 records");
    }
}
