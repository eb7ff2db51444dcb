package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * One cell of the matrix: how many workers, how many tasks, how they are dispatched, and what
 * the run must reach.
 *
 * @param name        unique, used with {@code -Dpulp.scenarios}
 * @param workload    which API call makes the tasks
 * @param workers     task workers that must be online, >= 1
 * @param tasks       tasks to dispatch, >= 1
 * @param concurrency concurrent dispatching clients (closed model), or the most requests in flight (open model), >= 1
 * @param rate        requests per second for the open model; null = closed model
 * @param shape       steady or backlog
 * @param timeout     bound on the whole scenario after its fixtures are ready
 * @param thresholds  what the run must reach
 * @param request     the request of a custom workload; null for the others
 * @param testPath    for task-ingestion: the view under the API root, e.g. {@code test/tasks/}
 * @param search      the search shape's steps; null for the other shapes
 * @param fleet       the fleet shape's worker counts, hold and interval; null for the other shapes
 * @param disruptions what is done to Pulp during the run (issue 28), in the order given; empty for none
 */
public record Scenario(String name, Workload workload, int workers, int tasks, int concurrency, Double rate, Shape shape,
                       Duration timeout, Thresholds thresholds, CustomRequest request, String testPath, SearchSettings search,
                       FleetSettings fleet, java.util.List<Disruption> disruptions) {
    public Scenario {
        disruptions = disruptions == null ? java.util.List.of() : java.util.List.copyOf(disruptions);
        if (!disruptions.isEmpty() && (shape == Shape.SEARCH || shape == Shape.FLEET)) {
            throw new IllegalArgumentException("disruptions are for the steady and backlog shapes, not " + shape.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (disruptions.stream().map(Disruption::name).distinct().count() < disruptions.size()) {
            throw new IllegalArgumentException("each disruption needs its own name");
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        if (rate != null && !(rate > 0 && rate <= 1_000_000)) throw new IllegalArgumentException("rate must be > 0 requests per second, was " + rate);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
        if (workload == Workload.CUSTOM && request == null) {
            throw new IllegalArgumentException("a custom workload needs request: {method, path, body}");
        }
        if (workload != Workload.CUSTOM && request != null) {
            throw new IllegalArgumentException("request is only for workload custom");
        }
        if (workload == Workload.TASK_INGESTION && (testPath == null || testPath.startsWith("/") || !testPath.endsWith("/"))) {
            throw new IllegalArgumentException("testPath must be a path under the API root ending in '/', e.g. test/tasks/, was '" + testPath + "'");
        }
        if ((shape == Shape.SEARCH) != (search != null)) {
            throw new IllegalArgumentException(shape == Shape.SEARCH ? "shape search needs search: {from, factor, max, step, refine}"
                    : "search: is only for shape search");
        }
        if ((shape == Shape.FLEET) != (fleet != null)) {
            throw new IllegalArgumentException(shape == Shape.FLEET ? "shape fleet needs fleet: {counts, hold, interval}"
                    : "fleet: is only for shape fleet");
        }
        if (search != null && rate != null) throw new IllegalArgumentException("rate is set by the search's steps; leave it out");
        if (search != null && workload == Workload.TASK_INGESTION) {
            throw new IllegalArgumentException("the search shape needs one task per request; task-ingestion views dispatch many");
        }
    }

    /** A scenario without disruptions. */
    public Scenario(String name, Workload workload, int workers, int tasks, int concurrency, Double rate, Shape shape,
                    Duration timeout, Thresholds thresholds, CustomRequest request, String testPath, SearchSettings search,
                    FleetSettings fleet) {
        this(name, workload, workers, tasks, concurrency, rate, shape, timeout, thresholds, request, testPath, search, fleet, null);
    }

    /** A scenario of any shape but fleet. */
    public Scenario(String name, Workload workload, int workers, int tasks, int concurrency, Double rate, Shape shape,
                    Duration timeout, Thresholds thresholds, CustomRequest request, String testPath, SearchSettings search) {
        this(name, workload, workers, tasks, concurrency, rate, shape, timeout, thresholds, request, testPath, search, null);
    }

    /** A scenario of any shape but search and fleet. */
    public Scenario(String name, Workload workload, int workers, int tasks, int concurrency, Double rate, Shape shape,
                    Duration timeout, Thresholds thresholds, CustomRequest request, String testPath) {
        this(name, workload, workers, tasks, concurrency, rate, shape, timeout, thresholds, request, testPath, null, null);
    }

    /** A steady, closed-model scenario of a built-in workload (tests and examples). */
    public static Scenario of(String name, Workload workload, int workers, int tasks, int concurrency, Duration timeout,
                              Thresholds thresholds) {
        return new Scenario(name, workload, workers, tasks, concurrency, null, Shape.STEADY, timeout, thresholds, null,
                workload == Workload.TASK_INGESTION ? "test/tasks/" : null);
    }

    public Scenario withTasks(int value) {
        return new Scenario(name, workload, workers, value, concurrency, rate, shape, timeout, thresholds, request, testPath, search, fleet, disruptions);
    }

    public Scenario withThresholds(Thresholds value) {
        return new Scenario(name, workload, workers, tasks, concurrency, rate, shape, timeout, value, request, testPath, search, fleet, disruptions);
    }

    public Scenario withShape(Shape value) {
        return new Scenario(name, workload, workers, tasks, concurrency, rate, value, timeout, thresholds, request, testPath, search, fleet, disruptions);
    }

    public Scenario withTimeout(Duration value) {
        return new Scenario(name, workload, workers, tasks, concurrency, rate, shape, value, thresholds, request, testPath, search, fleet, disruptions);
    }

    public Scenario withRate(Double value) {
        return new Scenario(name, workload, workers, tasks, concurrency, value, shape, timeout, thresholds, request, testPath, search, fleet, disruptions);
    }

    /** This scenario as a capacity search with these steps. */
    public Scenario withSearch(SearchSettings value) {
        return new Scenario(name, workload, workers, tasks, concurrency, null, Shape.SEARCH, timeout, thresholds, request,
                testPath, value);
    }

    public Scenario withDisruptions(java.util.List<Disruption> value) {
        return new Scenario(name, workload, workers, tasks, concurrency, rate, shape, timeout, thresholds, request, testPath, search, fleet, value);
    }

    public boolean isOpenModel() {
        return rate != null;
    }

    /** How the scenario reads in test names: "repo-delete-2w: 2 workers, 400 tasks, 8 clients, repository-delete". */
    @Override
    public String toString() {
        if (search != null) {
            return name + ": " + workers + (workers == 1 ? " worker, " : " workers, ") + "capacity search from "
                    + String.format(java.util.Locale.ROOT, "%.4g", search.from()) + " tasks/s, " + workload.key();
        }
        if (fleet != null) {
            return name + ": fleet of " + fleet.counts() + " workers, each held " + fleet.hold().toSeconds() + " s";
        }
        String load = rate != null ? String.format(java.util.Locale.ROOT, "%.4g requests/s", rate)
                : concurrency + (concurrency == 1 ? " client" : " clients");
        return name + ": " + workers + (workers == 1 ? " worker, " : " workers, ") + tasks + " tasks, " + load + ", "
                + workload.key() + (shape == Shape.BACKLOG ? ", backlog" : "")
                + (disruptions.isEmpty() ? "" : ", disrupted by " + String.join(", ", disruptions.stream().map(Disruption::name).toList()));
    }
}
