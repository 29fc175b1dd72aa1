#!/usr/bin/env python3
"""Slow-client harness: N sockets trickle a POST /api/trace body one byte every few seconds
while a probe GETs cheap cached pages every 200 ms; prints the probe's latencies and statuses.

    python3 bench/trickle.py --port 7070 [--clients 300] [--seconds 25] [--every 2]
                             [--never-read /api/lessons/curve-fitter/trace]

With --never-read PATH the sockets instead ask for PATH (a large answer) and never read it.
A benchmark, not a test: the figures depend on the machine. Exit status 1 if any probe GET
took longer than --limit seconds (default 5) or failed.
"""
import argparse
import asyncio
import statistics
import time
import urllib.request


async def trickler(host, port, every, stop, stats):
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["connect_failed"] += 1
            await asyncio.sleep(every)
            continue
        stats["opened"] += 1
        writer.write(b"POST /api/trace HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100000\r\n\r\n" % (host.encode(), port))
        try:
            while not stop.is_set():
                await writer.drain()
                await asyncio.sleep(every)
                if reader.at_eof():
                    break
                writer.write(b" ")
        except (ConnectionError, OSError):
            pass
        if reader.at_eof() or not stop.is_set():
            stats["closed_by_server"] += 1
        writer.close()


def fit_program(points):
    """A degree-5 fit over `points` points, as the server's warm-up and TraceBenchmark build it."""
    import math
    lines = ["k%d = %s" % (k, 0.1 * (k + 1)) for k in range(6)]
    for i in range(1, points + 1):
        x = -1 + 2.0 * i / points
        lines += ["x_%d = %r" % (i, x), "y_%d = %r" % (i, math.sin(3 * x)),
                  "r_%d = k0 + k1*x_%d" % (i, i) + "".join(" + k%d*x_%d^%d" % (k, i, k) for k in range(2, 6)) + " - y_%d" % i]
    lines.append("loss = " + " + ".join("r_%d^2" % i for i in range(1, points + 1)))
    return "\n".join(lines) + "\n"


async def never_reader(host, port, path, stop, stats, body=None):
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(host, port, limit=1024)
        except OSError:
            stats["connect_failed"] += 1
            await asyncio.sleep(1)
            continue
        stats["opened"] += 1
        if body is None:
            writer.write(b"GET %s HTTP/1.1\r\nHost: %s:%d\r\n\r\n" % (path.encode(), host.encode(), port))
        else:
            writer.write(b"POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                         % (path.encode(), host.encode(), port, len(body)) + body)
        await writer.drain()
        # never read: the kernel's receive buffer fills and the server's writes stall
        while not stop.is_set():
            await asyncio.sleep(0.5)
        writer.close()


def probe_once(url):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            r.read()
            status = r.status
    except Exception as e:  # noqa: BLE001 - any failure is a finding
        status = getattr(e, "code", None) or type(e).__name__
    return time.monotonic() - start, status


async def prober(base, paths, stop, results):
    loop = asyncio.get_running_loop()
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        elapsed, status = await loop.run_in_executor(None, probe_once, base + path)
        results.append((time.monotonic(), path, elapsed, status))
        await asyncio.sleep(0.2)


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=7070)
    ap.add_argument("--clients", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=25)
    ap.add_argument("--every", type=float, default=2)
    ap.add_argument("--limit", type=float, default=5)
    ap.add_argument("--never-read", default=None)
    ap.add_argument("--never-read-fit", type=int, default=0,
                    help="POST /api/trace with a fit over this many points and never read the answer")
    args = ap.parse_args()
    base = "http://%s:%d" % (args.host, args.port)
    stop = asyncio.Event()
    stats = {"opened": 0, "closed_by_server": 0, "connect_failed": 0}
    results = []
    if args.never_read_fit:
        import json
        body = json.dumps({"source": fit_program(args.never_read_fit)}).encode()
        req = urllib.request.Request(base + "/api/trace", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            size = len(r.read())
        print("the trace of a %d-point fit is %.1f MB" % (args.never_read_fit, size / 1e6))
        args.never_read = "/api/trace"
        tasks = [asyncio.create_task(never_reader(args.host, args.port, "/api/trace", stop, stats, body)) for _ in range(args.clients)]
    elif args.never_read:
        tasks = [asyncio.create_task(never_reader(args.host, args.port, args.never_read, stop, stats)) for _ in range(args.clients)]
    else:
        tasks = [asyncio.create_task(trickler(args.host, args.port, args.every, stop, stats)) for _ in range(args.clients)]
    await asyncio.sleep(1)  # let the slow clients connect first
    probe = asyncio.create_task(prober(base, ["/lessons/chain-rule", "/"], stop, results))
    await asyncio.sleep(args.seconds)
    stop.set()
    await probe
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    times = sorted(r[2] for r in results)
    bad = [r for r in results if r[3] != 200 or r[2] > args.limit]
    mode = ("never-read " + args.never_read) if args.never_read else ("trickle 1 byte / %gs" % args.every)
    print("%d slow clients (%s) for %gs: %s" % (args.clients, mode, args.seconds, stats))
    if times:
        print("probe GETs: %d, median %.3f s, p99 %.3f s, max %.3f s, failed or over %gs: %d"
              % (len(times), statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))],
                 times[-1], args.limit, len(bad)))
    for r in bad[:10]:
        print("  slow or failed: %s %.3f s %s, %.1f s into the run" % (r[1], r[2], r[3], r[0] - results[0][0] + r[2]))
    _, health = probe_once(base + "/health")
    print("server still answers /health" if health == 200 else "server is DOWN (/health: %s)" % health)
    return 1 if bad or not times or health != 200 else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
