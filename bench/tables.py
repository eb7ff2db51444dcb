#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv and machine.tsv into BENCHMARKS.md-ready Markdown tables."""
import statistics
import sys
from collections import defaultdict


# The dispatch clients that print DispatchBench's key=value line: the suite's own and the libraries (issue 15).
JAVA_CLIENTS = ("java", "apache", "jetty", "netty")
LIBRARIES = ("apache", "jetty", "netty")
NAMES = {"java": "own (Http1Client)", "apache": "Apache HttpClient 5", "jetty": "Jetty HttpClient", "netty": "Reactor Netty",
         "wrk": "wrk"}
ADOPT = 0.85  # a library is adopted when its Java/wrk ratio is at least 85% of the own client's, same run


def median(values):
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    if v is None:
        return "-"
    return f"{v:,.{digits}f}"


def span(values, digits=0):
    return f"{fmt(min(values), digits)}–{fmt(max(values), digits)}" if values else "-"


def kv(extra):
    out = {}
    for part in extra.split():
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v
    return out


def main(results_path, machine_path):
    machine = dict(line.rstrip("\n").split("\t", 1) for line in open(machine_path) if "\t" in line)
    rows = [line.rstrip("\n").split("\t") for line in open(results_path)][1:]
    dispatch = defaultdict(lambda: defaultdict(dict))  # c -> rep -> client -> (rps, cpu)
    collect, live, whole = [], [], []
    for part, rep, client, c, value, cpu, extra in rows:
        if part == "dispatch" and value:
            dispatch[int(c)][int(rep)][client] = (float(value), float(cpu) if cpu else None)
        elif part == "collect" and value:
            collect.append((float(value), float(cpu) if cpu else None, kv(extra)))
        elif part == "live" and value:
            live.append((float(value), float(cpu) if cpu else None, kv(extra)))
        elif part == "whole" and value:
            whole.append(kv(extra))

    p = print
    p(f"Machine: {machine.get('nproc')} cores, {machine.get('cpu')}, {machine.get('memory')}; "
      f"{machine.get('java')}; {machine.get('wrk')}; {machine.get('python')}. "
      f"Load average before {machine.get('load_before')}, after {machine.get('load_after', '?')} "
      f"(other builds ran on the same 2 cores). Commit {machine.get('commit')}, {machine.get('date')}; "
      f"{machine.get('settings')}.")
    p()
    if dispatch:
        p("### Dispatch capacity (requests/s, median of repetitions, min–max)")
        p()
        p("| clients | suite (Java) | wrk | Python (seed-style) | Java / wrk | Java / Python |")
        p("|---:|---:|---:|---:|---:|---:|")
        best = None
        for c in sorted(dispatch):
            reps = dispatch[c]
            series = {k: [reps[r][k][0] for r in reps if k in reps[r]] for k in ("java", "wrk", "python")}
            # Ratios per repetition (measured side by side), then their median.
            jw = [reps[r]["java"][0] / reps[r]["wrk"][0] for r in reps if {"java", "wrk"} <= reps[r].keys()]
            jp = [reps[r]["java"][0] / reps[r]["python"][0] for r in reps if {"java", "python"} <= reps[r].keys()]
            p(f"| {c} | {fmt(median(series['java']))} ({span(series['java'])}) | {fmt(median(series['wrk']))} "
              f"({span(series['wrk'])}) | {fmt(median(series['python']))} ({span(series['python'])}) | "
              f"{fmt(median(jw), 2)} ({span(jw, 2)}) | {fmt(median(jp), 2)} ({span(jp, 2)}) |")
            if series["java"] and (best is None or median(series["java"]) > best[1]):
                best = (c, median(series["java"]), median(jw), median(jp))
        p()
        if best:
            c, rate, jw, jp = best
            best_wrk = max((median([dispatch[k][r]["wrk"][0] for r in dispatch[k] if "wrk" in dispatch[k][r]]) or 0)
                           for k in dispatch) or None
            best_py = max((median([dispatch[k][r]["python"][0] for r in dispatch[k] if "python" in dispatch[k][r]]) or 0)
                          for k in dispatch) or None
            if jw is None or jp is None or best_wrk is None or best_py is None:
                p(f"Best concurrency for the suite: {c} clients, {fmt(rate)} requests/s (wrk or Python not measured: no ratios).")
                p()
                best = None
        if best:
            c, rate, jw, jp = best
            p(f"Best concurrency for the suite: {c} clients, {fmt(rate)} requests/s: "
              f"**Java / wrk = {fmt(jw, 2)}** (target ≥ 0.5: {'met' if jw >= 0.5 else 'NOT met'}), "
              f"**Java / Python = {fmt(jp, 2)}** (target ≥ 5: {'met' if jp >= 5 else 'NOT met'}). "
              f"Best against best: Java {fmt(rate)} / wrk {fmt(best_wrk)} = {fmt(rate / best_wrk, 2)}; "
              f"Java / Python {fmt(best_py)} = {fmt(rate / best_py, 2)}.")
            p()
        p("Client CPU per request (µs of user + system time, median): wrk and Python over their whole process, the suite "
          "over its measured window (all JVM threads: clients, GC, JIT; JVM start and warm-up excluded):")
        p()
        p("| clients | suite (Java) | wrk | Python | suite: share in the kernel | wrk: in the kernel | Python: in the kernel |")
        p("|---:|---:|---:|---:|---:|---:|---:|")
        for c in sorted(dispatch):
            cells, shares = [], []
            for k in ("java", "wrk", "python"):
                per, share = [], []
                for r in dispatch[c]:
                    n, cpu, sys_s = open_requests(c, r, k)
                    if n and cpu:
                        per.append(cpu * 1e6 / n)
                        if sys_s is not None:
                            share.append(100 * sys_s / cpu)
                cells.append(fmt(median(per)) if per else "-")
                shares.append(f"{fmt(median(share))} %" if share else "-")
            p(f"| {c} | " + " | ".join(cells + shares) + " |")
        p()
        if any(k in dispatch[c][r] for c in dispatch for r in dispatch[c] for k in LIBRARIES):
            http_clients_table(dispatch)
    if collect:
        secs = [v for v, _, _ in collect]
        x = [e for _, _, e in collect]
        num = lambda key: [float(e[key]) for e in x if key in e]
        p("### Scale: one run's tasks waited for, collected and analysed, client JVM at -Xmx256m")
        p()
        p("| tasks | collect + analyse (s) | tasks/s | pages | pages per 1,000 tasks | polls | requests per 1,000 tasks "
          "| peak heap (MB) | live heap after GC (MB) | raw CSV (MB) |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        p(f"| {fmt(median(num('tasks')))} | {fmt(median(secs), 1)} ({span(secs, 1)}) | {fmt(median(num('tasks_per_s')))} "
          f"({span(num('tasks_per_s'))}) | {fmt(median(num('pages')))} | {fmt(median(num('pages_per_1000')), 3)} | "
          f"{fmt(median(num('polls')))} | {fmt(median(num('requests_per_1000')), 3)} | {fmt(median(num('peak_heap_mb')))} "
          f"({span(num('peak_heap_mb'))}) | {fmt(median(num('live_heap_mb')))} ({span(num('live_heap_mb'))}) | "
          f"{fmt(median(num('csv_mb')), 1)} |")
        p()
        p(f"{len(collect)} repetitions; target: under 60 s at -Xmx256m: "
          f"{'met' if max(secs) < 60 and all(float(e.get('peak_heap_mb', 999)) <= 256 for e in x) else 'NOT met'} "
          f"(slowest {fmt(max(secs), 1)} s).")
        p()
    if whole:
        p("### A whole run's client side at -Xmx256m (once)")
        p()
        p("| tasks dispatched | dispatch (s) | dispatch records kept | collect + analyse (s) | lost | peak heap (MB) "
          "| live heap after GC (MB) |")
        p("|---:|---:|---:|---:|---:|---:|---:|")
        for e in whole:
            p(f"| {fmt(float(e.get('dispatched', 0)))} | {fmt(float(e.get('dispatch_s', 0)), 1)} | {fmt(float(e.get('records', 0)))} | "
              f"{fmt(float(e.get('seconds', 0)), 1)} | {e.get('lost')} | {e.get('peak_heap_mb')} | {e.get('live_heap_mb')} |")
        p()
    if live:
        x = [e for _, _, e in live]
        num = lambda key: [float(e[key]) for e in x if key in e]
        p("### Gentle: a live run dispatched, waited for and collected (poll interval 500 ms, pages of 1,000)")
        p()
        p("| tasks | wait (s) | poll intervals in the wait | polls | pages | pages per 1,000 tasks | all requests per 1,000 tasks |")
        p("|---:|---:|---:|---:|---:|---:|---:|")
        for e in x:
            p(f"| {e.get('tasks')} | {e.get('wait_s')} | {e.get('poll_intervals')} | {e.get('polls')} | {e.get('pages')} | "
              f"{e.get('pages_per_1000')} | {e.get('requests_per_1000')} |")
        ok = all(float(e["pages_per_1000"]) <= 3 or int(e["pages"]) <= 1 + int(e["tasks"]) // 1000 for e in x) and \
            all(int(e["polls"]) <= int(e["poll_intervals"]) + 1 for e in x)
        p()
        p(f"Target (at most 3 pages per 1,000 tasks, one poll per poll interval): {'met' if ok else 'NOT met'}.")


def http_clients_table(dispatch):
    """Issue 15: the own client beside each library and wrk, measured side by side in one run."""
    p = print
    clients = [k for k in JAVA_CLIENTS if any(k in dispatch[c][r] for c in dispatch for r in dispatch[c])]
    libs = [k for k in clients if k in LIBRARIES]
    p("### HTTP clients, one run (requests/s median; Java client / wrk, median of per-repetition ratios)")
    p()
    p("| clients | " + " | ".join(NAMES[k] for k in clients) + " | wrk | "
      + " | ".join(f"{NAMES[k]} / wrk" for k in clients) + " |")
    p("|---:|" + "---:|" * (2 * len(clients) + 1))
    ratio_of = {}  # (c, client) -> median of per-repetition client/wrk
    for c in sorted(dispatch):
        reps = dispatch[c]
        rates = [fmt(median([reps[r][k][0] for r in reps if k in reps[r]])) for k in clients + ["wrk"]]
        ratios = []
        for k in clients:
            per = [reps[r][k][0] / reps[r]["wrk"][0] for r in reps if {k, "wrk"} <= reps[r].keys() and reps[r]["wrk"][0] > 0]
            ratio_of[(c, k)] = median(per)
            ratios.append(f"{fmt(median(per), 2)} ({span(per, 2)})" if per else "-")
        p(f"| {c} | " + " | ".join(rates + ratios) + " |")
    p()
    p("Client CPU per request (µs, user + system, the measured window of each client JVM, median):")
    p()
    p("| clients | " + " | ".join(NAMES[k] for k in clients) + " |")
    p("|---:|" + "---:|" * len(clients))
    for c in sorted(dispatch):
        cells = []
        for k in clients:
            per = []
            for r in dispatch[c]:
                n, cpu, _ = open_requests(c, r, k)
                if n and cpu:
                    per.append(cpu * 1e6 / n)
            cells.append(fmt(median(per)) if per else "-")
        p(f"| {c} | " + " | ".join(cells) + " |")
    p()
    if "java" not in clients or not libs:
        return
    p(f"Adoption rule (issue 15): a library qualifies where (library / wrk) ÷ (own / wrk) ≥ {ADOPT}, same run:")
    p()
    p("| clients | " + " | ".join(NAMES[k] for k in libs) + " |")
    p("|---:|" + "---:|" * len(libs))
    passes = {k: [] for k in libs}
    for c in sorted(dispatch):
        own = ratio_of.get((c, "java"))
        cells = []
        for k in libs:
            lib = ratio_of.get((c, k))
            if own and lib is not None:
                q = lib / own
                passes[k].append(q >= ADOPT)
                cells.append(f"{fmt(q, 2)} {'passes' if q >= ADOPT else 'fails'}")
            else:
                passes[k].append(False)
                cells.append("-")
        p(f"| {c} | " + " | ".join(cells) + " |")
    p()
    everywhere = [NAMES[k] for k in libs if passes[k] and all(passes[k])]
    p("Qualifies at every concurrency: " + (", ".join(everywhere) if everywhere else "none (keep the own client)") + ".")
    p()


def open_requests(c, rep, client):
    """(requests, CPU seconds, of which system seconds) of one client's measurement, from its output files."""
    import os
    base = os.path.dirname(sys.argv[1])
    path = os.path.join(base, f"dispatch-{rep}-{c}-{client}.txt")
    try:
        text = open(path).read()
    except OSError:
        return None, None, None
    if client in JAVA_CLIENTS:
        k = kv(text)
        return (int(k["requests"]) if "requests" in k else None), (float(k["cpu_s"]) if "cpu_s" in k else None), \
            (float(k["sys_s"]) if "sys_s" in k else None)
    try:
        user, system = open(path + ".time").read().split()[-2:]
        cpu, sys_s = float(user) + float(system), float(system)
    except (OSError, ValueError):
        cpu = sys_s = None
    if client == "wrk":
        for line in text.splitlines():
            if "requests in" in line:
                return int(line.split()[0]), cpu, sys_s
        return None, cpu, sys_s
    n = kv(text).get("requests")
    return (int(n) if n else None), cpu, sys_s


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
