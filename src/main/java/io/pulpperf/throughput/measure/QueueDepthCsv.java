package io.pulpperf.throughput.measure;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.pulpperf.throughput.pulp.PulpTime;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads a scenario's raw tasks CSV ({@link RawTaskCsv}) back into a {@link QueueDepth}, so every shape gets one. */
public final class QueueDepthCsv {
    private QueueDepthCsv() {}

    public static QueueDepth read(Path rawTasksCsv) throws IOException {
        QueueDepth q = new QueueDepth();
        if (rawTasksCsv == null || !Files.isRegularFile(rawTasksCsv)) return q;
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader in = Files.newBufferedReader(rawTasksCsv);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                String created = r.get("pulp_created");
                if (created == null || created.isEmpty()) continue;
                q.add(PulpTime.parseMicros(created), micros(r.get("started_at")), micros(r.get("finished_at")), "completed".equals(r.get("state")));
            }
        }
        return q;
    }

    private static Long micros(String text) {
        return text == null || text.isEmpty() ? null : PulpTime.parseMicros(text);
    }
}
