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
    private static final Set<String> INCOMPLETE_STATES = Set.of("waiting", "running", "canceling");
    /** Parameters {@code BaseFilterSet.is_valid} lets through, plus DRF's {@code format}. */
    private static final Set<String> NON_FILTER_PARAMS =
            Set.of("exclude_fields", "fields", "limit", "minimal", "offset", "page_size", "ordering", "format");
    private static final List<String> TIME_FIELDS = List.of("pulp_created", "started_at", "finished_at", "unblocked_at");
    /** Task model fields {@code StableOrderingFilter} accepts but the simulator has no order for. */
    private static final Set<String> UNSORTED_FIELDS = Set.of("error", "enc_args", "enc_kwargs",
            "reserved_resources_record", "versions", "immediate", "deferred", "result", "profile_options");

    final int limit;
    final int offset;
    private final String domain;
    private final String cid;
    private Set<String> states;                 // state / state__in, null = any
    private long createdFrom = Long.MIN_VALUE;  // inclusive
    private long createdTo = Long.MAX_VALUE;    // inclusive
    private final List<Predicate<SimTask>> predicates = new ArrayList<>();
    private final Comparator<SimTask> ordering;  // null = by pulp_created only
    private final boolean ascendingCreated;

    /**
     * What to answer with 400: field errors first, then {@code "errors": ["Invalid Filter: ..."]},
     * as {@code BaseFilterSet.is_valid} adds unknown parameters to the form's errors after
     * django-filter's own validation ({@code pulpcore/filters.py}).
     */
    final Map<String, Object> errors = new LinkedHashMap<>();

    TaskListQuery(Map<String, String> query, String domain) {
        this.domain = domain;
        this.limit = Pagination.limit(query);
        this.offset = Pagination.offset(query);
        this.cid = query.get("logging_cid");
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String key = e.getKey();
            if (NON_FILTER_PARAMS.contains(key) || key.equals("logging_cid")) continue;
            if (!addFilter(key, e.getValue())) unknown.add(key);
        }
        Comparator<SimTask> cmp = null;
        boolean createdOnly = true;
        boolean asc = false;
        for (String raw : query.getOrDefault("ordering", "-pulp_created").split(",")) {
            String f = raw.trim();
            if (f.isEmpty()) continue;
            boolean desc = f.startsWith("-");
            String field = desc ? f.substring(1) : f;
            Comparator<SimTask> c = comparatorFor(field);
            if (c == null) {
                errors.putIfAbsent("ordering", List.of("Select a valid choice. " + f + " is not one of the available choices."));
                continue;
            }
            if (desc) c = c.reversed();
            if (cmp == null) asc = !desc;
            if (!field.equals("pulp_created") && !field.equals("pk") && !field.equals("pulp_id")) createdOnly = false;
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        if (!unknown.isEmpty()) {
            errors.put("errors", unknown.stream().map(k -> "Invalid Filter: '" + k + "'").toList());
        }
        // StableOrderingFilter appends -pulp_created to whatever was asked, as a tie-breaker.
        Comparator<SimTask> newestFirst = Comparator.comparingLong((SimTask t) -> t.seq).reversed();
        this.ordering = createdOnly ? null : (cmp == null ? newestFirst : cmp.thenComparing(newestFirst));
        this.ascendingCreated = cmp != null && asc;
    }

    boolean isValid() {
        return errors.isEmpty();
    }

    /**
     * Matching tasks' total and the requested page, evaluated over a consistent table. The scan
     * starts from the smallest index that covers the query (the run's {@code logging_cid}, or the
     * incomplete tasks when only incomplete states are asked for), narrowed by binary search on
     * {@code pulp_created}; with no other predicate the page is index arithmetic, so its cost does
     * not depend on {@code offset}.
     */
    Page evaluate(TaskEngine.TaskTable table) {
        List<SimTask> byCid = cid != null ? table.withCid(domain, cid) : null;
        List<SimTask> base = byCid != null ? byCid : table.inDomain(domain);
        if (states != null && INCOMPLETE_STATES.containsAll(states)) {
            List<SimTask> open = table.incompleteIn(domain);
            if (open.size() < base.size()) base = open;
        }
        List<Predicate<SimTask>> remaining = new ArrayList<>(predicates);
        if (states != null) remaining.add(t -> states.contains(t.state));
        if (cid != null && base != byCid) remaining.add(t -> cid.equals(t.loggingCid));
        int lo = lowerBound(base, createdFrom);
        int hi = upperBound(base, createdTo);
        if (hi <= lo) return new Page(0, List.of());
        if (remaining.isEmpty() && ordering == null) {
            int count = hi - lo;
            List<TaskSnapshot> rows = new ArrayList<>();
            for (int i = offset; i < Math.min(count, offset + limit); i++) {
                rows.add(base.get(ascendingCreated ? lo + i : hi - 1 - i).snapshot());
            }
            return new Page(count, rows);
        }
        Predicate<SimTask> all = remaining.stream().reduce(t -> true, Predicate::and);
        if (ordering == null) return scanInCreatedOrder(base, lo, hi, all);
        List<SimTask> matches = new ArrayList<>();
        for (SimTask t : base.subList(lo, hi)) {
            if (all.test(t)) matches.add(t);
        }
        matches.sort(ordering);
        List<TaskSnapshot> rows = matches.subList(Math.min(offset, matches.size()), Math.min(matches.size(), offset + limit))
                .stream().map(SimTask::snapshot).toList();
        return new Page(matches.size(), rows);
    }

    /** One pass in the requested direction: counts every match, keeps only the page's rows. */
    private Page scanInCreatedOrder(List<SimTask> base, int lo, int hi, Predicate<SimTask> all) {
        int count = 0;
        List<TaskSnapshot> rows = new ArrayList<>();
        for (int k = 0; k < hi - lo; k++) {
            SimTask t = base.get(ascendingCreated ? lo + k : hi - 1 - k);
            if (!all.test(t)) continue;
            if (count >= offset && rows.size() < limit) rows.add(t.snapshot());
            count++;
        }
        return new Page(count, rows);
    }

    record Page(int count, List<TaskSnapshot> rows) {}

    // --- filters ----------------------------------------------------------------------------

    private boolean addFilter(String key, String value) {
        switch (key) {
            case "state" -> { if (validState(key, value)) narrowStates(Set.of(value)); return true; }
            case "state__ne" -> { if (validState(key, value)) predicates.add(t -> !t.state.equals(value)); return true; }
            case "state__in" -> {
                List<String> wanted = csv(value);
                for (String s : wanted) if (!validState(key, s)) return true;
                narrowStates(Set.copyOf(wanted));
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

    private void narrowStates(Set<String> allowed) {
        if (states == null) {
            states = allowed;
        } else {
            Set<String> both = new java.util.HashSet<>(states);
            both.retainAll(allowed);
            states = both;
        }
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
            default -> UNSORTED_FIELDS.contains(field) ? (a, b) -> 0 : null;
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

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
