package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.pulp.PulpTime;
import io.pulpperf.throughput.pulp.TaskPage;
import io.pulpperf.throughput.pulp.UnreadableRow;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pages through a run's tasks oldest first with keyset paging on {@code pulp_created}: each page
 * asks for {@code pulp_created__gte} the last one seen, so the server never walks a growing
 * offset. Tasks stream to the sink as pages arrive; only the needed fields are asked for.
 */
public final class TaskCollector {
    private final PulpClient client;
    private final int pageSize;

    public TaskCollector(PulpClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** What a collection saw: tasks read, rows that could not be read (a row may come on two pages), pages. */
    public record Collection(long tasks, long unreadable, int pages) {}

    /** Collects the tasks of one correlation id; see {@link #collect(Map, Consumer, Consumer, Instant, int)}. */
    public Collection collect(String correlationId, Consumer<PulpTask> sink, Instant deadline, int maxPages) {
        return collect(Map.of("logging_cid", correlationId), sink, row -> { }, deadline, maxPages);
    }

    /**
     * Streams every task matching {@code runFilter} (task list parameters, e.g. its logging_cid)
     * to {@code sink}, and every row it cannot read to {@code unreadableSink}; stops at the
     * deadline or after {@code maxPages}, whichever comes first.
     */
    public Collection collect(Map<String, String> runFilter, Consumer<PulpTask> sink, Consumer<UnreadableRow> unreadableSink,
                              Instant deadline, int maxPages) {
        Long last = null;
        Set<String> atLast = new HashSet<>();  // hrefs already emitted whose pulp_created == last
        long emitted = 0;
        long unreadable = 0;
        int pages = 0;
        int offset = 0;  // only used when one timestamp fills a whole page
        while (pages < maxPages && Instant.now().isBefore(deadline)) {
            Map<String, String> q = new LinkedHashMap<>(runFilter);
            q.put("ordering", "pulp_created");
            q.put("fields", PulpTask.FIELDS);
            q.put("limit", String.valueOf(pageSize));
            if (last != null) q.put("pulp_created__gte", PulpTime.format(last));
            if (offset > 0) q.put("offset", String.valueOf(offset));
            TaskPage page = client.tasks(q);
            pages++;
            unreadable += page.unreadable().size();
            page.unreadable().forEach(unreadableSink);
            int fresh = 0;
            for (PulpTask t : page.tasks()) {
                if (last != null && t.createdMicros() == last && atLast.contains(t.href())) continue;
                if (last == null || t.createdMicros() > last) {
                    last = t.createdMicros();
                    atLast.clear();
                }
                atLast.add(t.href());
                sink.accept(t);
                emitted++;
                fresh++;
            }
            int rows = page.tasks().size() + page.unreadable().size();
            if (rows < pageSize || !page.hasNext()) break;
            // A full page that brought nothing new means one timestamp spans more than a page: step over it.
            offset = fresh == 0 ? offset + pageSize : 0;
        }
        return new Collection(emitted, unreadable, pages);
    }
}
