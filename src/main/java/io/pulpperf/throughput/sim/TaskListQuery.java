package io.pulpperf.throughput.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The task list's filters, ordering and pagination as pulpcore's {@code TaskFilter},
 * {@code StableOrderingFilter} and DRF's {@code LimitOffsetPagination} answer them.
 *
 * <p>Fast paths keep a page's cost independent of how deep it is: the table is ordered by
 * {@code pulp_created}, so bounds on it are found by binary search, and when no other predicate
 * remains, {@code count} and the slice at any {@code offset} come from index arithmetic.
 */
final class TaskListQuery {
    static final Set<String> STATES = Set.of("waiting", "skipped", "running", "completed", "failed", "canceled", "canceling");
    private static final Set<String> NON_FILTER_PARAMS =
            Set.of("exclude_fields", "fields", "limit", "minimal", "offset", "page_size", "ordering", "format");
    private static final List<String> TIME_FIELDS = List.of("pulp_created", "started_at", "finished_at", "unblocked_at");
    private static final int PAGE_SIZE = 100;

    final int limit;
    final int offset;
    private final String cid;
    private long createdFrom = Long.MIN_VALUE;  // inclusive
    private long createdTo = Long.MAX_VALUE;    // inclusive
    private final List<Predicate<SimTask>> predicates = new ArrayList<>();
    private final Comparator<SimTask> ordering;
    private final boolean ascendingCreated;

    /** Field errors to answer with 400, as {@code {param: [message]}} or {@code {"errors": [...]}}. */
    final Map<String, Object> errors = new LinkedHashMap<>();

    TaskListQuery(Map<String, String> query) {
        this.limit = positiveInt(query.get("limit"), PAGE_SIZE, true);
        this.offset = positiveInt(query.get("offset"), 0, false);
        this.cid = query.get("logging_cid");
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (NON_FILTER_PARAMS.contains(key) || key.equals("logging_cid")) continue;
            if (!addFilter(key, value)) unknown.add(key);
        }
        if (!unknown.isEmpty()) {
            errors.clear();
            errors.put("errors", unknown.stream().map(k -> "Invalid Filter: '" + k + "'").toList());
        }
        String order = query.getOrDefault("ordering", "-pulp_created");
        Comparator<SimTask> cmp = null;
        boolean createdOnly = true;
        boolean asc = false;
        int used = 0;
        for (String raw : order.split(",")) {
            String f = raw.trim();
            boolean desc = f.startsWith("-");
            String field = desc ? f.substring(1) : f;
            Comparator<SimTask> c = comparatorFor(field);
            if (c == null) continue;  // DRF's OrderingFilter drops unknown fields silently
            if (desc) c = c.reversed();
            if (used == 0) asc = !desc;
            if (!field.equals("pulp_created") && !field.equals("pk") && !field.equals("pulp_id")) createdOnly = false;
            cmp = cmp == null ? c : cmp.thenComparing(c);
            used++;
        }
        if (cmp == null) {
            cmp = Comparator.comparingLong((SimTask t) -> t.seq).reversed();
            asc = false;
        }
        this.ordering = createdOnly ? null : cmp;
        this.ascendingCreated = asc;
    }

    boolean isValid() {
        return errors.isEmpty();
    }

    /** Matching tasks' total and the requested page, evaluated over a consistent table. */
    Page evaluate(TaskEngine.TaskTable table) {
        List<SimTask> base = cid != null ? table.withCid(cid) : table.all();
        int lo = lowerBound(base, createdFrom);
        int hi = upperBound(base, createdTo);
        if (hi <= lo) return new Page(0, List.of());
        if (predicates.isEmpty() && ordering == null) {
            int count = hi - lo;
            List<TaskSnapshot> rows = new ArrayList<>();
            for (int i = offset; i < Math.min(count, offset + limit); i++) {
                rows.add(base.get(ascendingCreated ? lo + i : hi - 1 - i).snapshot());
            }
            return new Page(count, rows);
        }
        List<SimTask> matches = new ArrayList<>();
        Predicate<SimTask> all = predicates.stream().reduce(t -> true, Predicate::and);
        for (SimTask t : base.subList(lo, hi)) {
            if (all.test(t)) matches.add(t);
        }
        if (ordering != null) {
            matches.sort(ordering);
        } else if (!ascendingCreated) {
            java.util.Collections.reverse(matches);
        }
        List<TaskSnapshot> rows = matches.subList(Math.min(offset, matches.size()), Math.min(matches.size(), offset + limit))
                .stream().map(SimTask::snapshot).toList();
        return new Page(matches.size(), rows);
    }

    record Page(int count, List<TaskSnapshot> rows) {}

    // --- filters ----------------------------------------------------------------------------

    private boolean addFilter(String key, String value) {
        switch (key) {
            case "state" -> { if (validState(key, value)) predicates.add(t -> t.state.equals(value)); return true; }
            case "state__ne" -> { if (validState(key, value)) predicates.add(t -> !t.state.equals(value)); return true; }
            case "state__in" -> {
                List<String> states = csv(value);
                for (String s : states) if (!validState(key, s)) return true;
                predicates.add(t -> states.contains(t.state));
                return true;
            }
            case "name" -> { predicates.add(t -> t.name.equals(value)); return true; }
            case "name__ne" -> { predicates.add(t -> !t.name.equals(value)); return true; }
            case "name__contains" -> { predicates.add(t -> t.name.contains(value)); return true; }
            case "name__in" -> { List<String> names = csv(value); predicates.add(t -> names.contains(t.name)); return true; }
            case "logging_cid__contains" -> { predicates.add(t -> t.loggingCid != null && t.loggingCid.contains(value)); return true; }
            case "pulp_href__in" -> {
                List<String> ids = csv(value).stream().map(h -> h.replaceAll(".*/tasks/([^/]+)/?$", "$1")).toList();
                predicates.add(t -> ids.contains(t.id.toString()));
                return true;
            }
            case "pulp_id__in" -> { List<String> ids = csv(value); predicates.add(t -> ids.contains(t.id.toString())); return true; }
            case "reserved_resources", "exclusive_resources", "shared_resources",
                 "reserved_resources__in", "exclusive_resources__in", "shared_resources__in" -> {
                List<String> wanted = key.endsWith("__in") ? csv(value) : List.of(value);
                Function<SimTask, List<String>> of = key.startsWith("exclusive") ? t -> t.exclusiveResources
                        : key.startsWith("shared") ? t -> t.sharedResources
                        : t -> concat(t.exclusiveResources, t.sharedResources);
                predicates.add(t -> of.apply(t).stream().anyMatch(wanted::contains));
                return true;
            }
            case "created_resources" -> { predicates.add(t -> t.createdResources.contains(value)); return true; }
            case "parent_task", "task_group", "worker" -> {
                // The simulator has no parent tasks or groups; from 3.87 a non-null worker matches nothing.
                predicates.add(t -> false);
                return true;
            }
            default -> { return addTimeFilter(key, value); }
        }
    }

    private boolean addTimeFilter(String key, String value) {
        for (String field : TIME_FIELDS) {
            if (!key.equals(field) && !key.startsWith(field + "__")) continue;
            String lookup = key.equals(field) ? "exact" : key.substring(field.length() + 2);
            if (!Set.of("exact", "lt", "lte", "gt", "gte", "range", "isnull").contains(lookup)) return false;
            Function<SimTask, Long> get = timeGetter(field);
            if (lookup.equals("isnull")) {
                boolean isNull = value.equalsIgnoreCase("true") || value.equals("1");
                predicates.add(t -> (get.apply(t) == null) == isNull);
                return true;
            }
            if (lookup.equals("range")) {
                List<String> bounds = csv(value);
                Long a = bounds.size() == 2 ? parseTime(bounds.get(0)) : null;
                Long b = bounds.size() == 2 ? parseTime(bounds.get(1)) : null;
                if (a == null || b == null) {
                    errors.putIfAbsent(key, List.of("Enter a valid date/time."));
                    return true;
                }
                bound(field, get, "gte", a);
                bound(field, get, "lte", b);
                return true;
            }
            Long micros = parseTime(value);
            if (micros == null) {
                errors.putIfAbsent(key, List.of("Enter a valid date/time."));
                return true;
            }
            bound(field, get, lookup, micros);
            return true;
        }
        return false;
    }

    private void bound(String field, Function<SimTask, Long> get, String lookup, long micros) {
        if (field.equals("pulp_created")) {
            switch (lookup) {
                case "gte" -> createdFrom = Math.max(createdFrom, micros);
                case "gt" -> createdFrom = Math.max(createdFrom, micros + 1);
                case "lte" -> createdTo = Math.min(createdTo, micros);
                case "lt" -> createdTo = Math.min(createdTo, micros - 1);
                default -> { createdFrom = Math.max(createdFrom, micros); createdTo = Math.min(createdTo, micros); }
            }
            return;
        }
        Predicate<Long> test = switch (lookup) {
            case "gte" -> v -> v >= micros;
            case "gt" -> v -> v > micros;
            case "lte" -> v -> v <= micros;
            case "lt" -> v -> v < micros;
            default -> v -> v == micros;
        };
        predicates.add(t -> {
            Long v = get.apply(t);
            return v != null && test.test(v);
        });
    }

    private boolean validState(String key, String value) {
        if (STATES.contains(value)) return true;
        errors.putIfAbsent(key, List.of("Select a valid choice. " + value + " is not one of the available choices."));
        return false;
    }

    /** Accepts what Django's DateTimeField does: ISO date-times with or without zone, and dates. */
    static Long parseTime(String text) {
        String t = text.trim();
        try {
            return io.pulpperf.throughput.pulp.PulpTime.toMicros(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return io.pulpperf.throughput.pulp.PulpTime.toMicros(LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return io.pulpperf.throughput.pulp.PulpTime.toMicros(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static Function<SimTask, Long> timeGetter(String field) {
        return switch (field) {
            case "pulp_created" -> t -> t.createdMicros;
            case "started_at" -> t -> t.startedMicros;
            case "finished_at" -> t -> t.finishedMicros;
            default -> t -> t.unblockedMicros;
        };
    }

    private static Comparator<SimTask> comparatorFor(String field) {
        return switch (field) {
            case "pulp_created", "pk", "pulp_id" -> Comparator.comparingLong(t -> t.seq);
            case "pulp_last_updated" -> Comparator.comparingLong(t -> t.seq);
            case "name" -> Comparator.comparing(t -> t.name);
            case "state" -> Comparator.comparing(t -> t.state);
            case "logging_cid" -> Comparator.comparing(t -> t.loggingCid == null ? "" : t.loggingCid);
            case "started_at", "finished_at", "unblocked_at" -> {
                Function<SimTask, Long> get = timeGetter(field);
                // PostgreSQL sorts NULLs last in ascending order.
                yield Comparator.comparing(get, Comparator.nullsLast(Comparator.naturalOrder()));
            }
            default -> null;
        };
    }

    private static int lowerBound(List<SimTask> list, long micros) {
        int lo = 0, hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).createdMicros < micros) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int upperBound(List<SimTask> list, long micros) {
        int lo = 0, hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).createdMicros <= micros) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int positiveInt(String text, int fallback, boolean strict) {
        if (text == null) return fallback;
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 0 || (strict && v == 0)) return fallback;
            return v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
