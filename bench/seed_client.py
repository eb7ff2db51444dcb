#!/usr/bin/env python3
"""The seed plan's load script, reduced to its request loop, for the dispatch-capacity comparison.

Written the way shared/seed/task-throughput-test-plan.md's example works: a ThreadPoolExecutor of
--max_workers threads, each future issuing ONE request (the seed uses `requests.get`; PyPI is not
reachable here, so this uses the standard library's urllib.request), rounds of futures repeated
until the time is up (the seed's --run_until_number_of_tasks loop, bounded by time here).
It sends the same headers as the suite's dispatcher and wrk, and reads `tasks_executed` from the JSON
answer as the seed does. Prints one line: python concurrency=N requests=R errors=E seconds=S rps=X
"""
import argparse
import concurrent.futures
import json
import time
import urllib.request

HEADERS = {"Correlation-ID": "bench", "Accept": "application/json"}


def send_request_and_process_tasks(url, timeout):
    """One request, as the seed's function of that name: returns tasks_executed, or None on failure."""
    try:
        request = urllib.request.Request(url, headers=HEADERS, method="GET")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read()).get("tasks_executed")
    except Exception:  # noqa: BLE001 - the seed also swallows every error and returns None
        return None


def run_with_timeout(url, timeout, max_workers):
    """One round: max_workers futures, one request each (the seed's run_with_timeout)."""
    ok = errors = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max_workers) as executor:
        futures = [executor.submit(send_request_and_process_tasks, url, timeout) for _ in range(max_workers)]
        for future in concurrent.futures.as_completed(futures):
            if future.result() is None:
                errors += 1
            else:
                ok += 1
    return ok, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--max_workers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--max_rounds", type=int, default=10_000_000, help="bound on rounds whatever the time")
    args = parser.parse_args()
    ok = errors = rounds = 0
    start = time.monotonic()
    while time.monotonic() - start < args.seconds and rounds < args.max_rounds:
        o, e = run_with_timeout(args.url, args.timeout, args.max_workers)
        ok += o
        errors += e
        rounds += 1
    elapsed = time.monotonic() - start
    print(f"python concurrency={args.max_workers} requests={ok} errors={errors} seconds={elapsed:.3f} "
          f"rps={ok / elapsed if elapsed > 0 else 0:.1f}")


if __name__ == "__main__":
    main()
