package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    /** RFC 4180: quoted only with a comma, quote, LF or CR; quotes doubled; null and "" are empty; the rest as is. */
    @Test
    void quotesOnlyWhatNeedsIt() {
        List<String> cells = Arrays.asList("plain", null, "", "comma,x", "q\"uote", "lf\nx", "cr\rx", "crlf\r\nx", " spaces ", "tab\tx",
                "#hash", "é€😀", "-1.500", "=1+1", "x".repeat(5000) + ",");
        assertThat(CsvRows.text(List.of("a", "b"), List.of(cells, List.of("", "")))).isEqualTo("a,b\n"
                + "plain,,,\"comma,x\",\"q\"\"uote\",\"lf\nx\",\"cr\rx\",\"crlf\r\nx\", spaces ,tab\tx,#hash,é€😀,-1.500,=1+1,\""
                + "x".repeat(5000) + ",\"\n"
                + ",\n");
    }

    @Test
    void aHeaderAloneIsOneLine() {
        assertThat(CsvRows.text(List.of("seq", "error"), List.of())).isEqualTo("seq,error\n");
    }
}
