#!/usr/bin/env python3
"""Side-by-side speed check: micrograd in-process versus Stepgrad's POST /api/trace end to end.

Usage:
    python3 bench/micrograd_compare.py --micrograd /path/to/micrograd-checkout \
        --url http://127.0.0.1:7070 [--points 600] [--runs 7] [--warmups 30]

--micrograd is a folder holding the package micrograd/ (karpathy/micrograd; not part of this
repository). The program is the degree-5 polynomial fit of src/test/java/org/stepgrad/bench/
PolyFitProgram.java, written here with the same integer arithmetic, so the text is byte for byte
the one the Java harness traces. micrograd: build the graph (its forward pass), backward(), and
json.dumps of every node's value and grad. Stepgrad: POST the program and read the whole trace
JSON; every request carries a fresh comment line, so the server's cache never answers.
"""
import argparse
import json
import statistics
import sys
import time
import urllib.request

KNOBS = ["0.1", "-0.2", "0.3", "0.05", "-0.15", "0.02"]


def x_milli(i, points):
    return (i - 1) * 2000 // (points - 1) - 1000


def y_milli(i, points):
    u = x_milli(i, points) + 1000  # 0 … 2000: Python's // and Java's / agree on non-negatives
    return u * u * u // 4_000_000 - u + 500 + (i * 7919) % 101 - 50


def milli(m):
    return ("-" if m < 0 else "") + f"{abs(m) // 1000}.{abs(m) % 1000:03d}"


def text(m):
    """A value in thousandths as Stepgrad's Format.exact writes it: "-1", "0.5", "0.487"."""
    return milli(m).rstrip("0").rstrip(".") if m % 1000 else str(m // 1000) if m >= 0 else "-" + str(-m // 1000)


def source(points):
    """The same text as PolyFitProgram.source(points), which model/PolynomialProgram writes."""
    lines = [f"# degree-5 polynomial fit over {points} points"]
    lines += [f"k{k} = {KNOBS[k]}" for k in range(6)]
    for i in range(1, points + 1):
        lines.append(f"x_{i} = {text(x_milli(i, points))}")
        lines.append(f"y_{i} = {text(y_milli(i, points))}")
        terms = "".join(f" + k{p}*x_{i}" + (f"^{p}" if p > 1 else "") for p in range(1, 6))
        lines.append(f"p_{i} = k0{terms}")
        lines.append(f"r_{i} = p_{i} - y_{i}")
    lines.append("loss = " + " + ".join(f"r_{i}^2" for i in range(1, points + 1)))
    return "\n".join(lines) + "\n"


def micrograd_run(Value, points):
    """Forward (building the graph), backward, and a JSON dump of every node's value and grad."""
    k = [Value(float(v)) for v in KNOBS]
    loss = None
    for i in range(1, points + 1):
        x = Value(float(milli(x_milli(i, points))))
        y = Value(float(milli(y_milli(i, points))))
        r = k[0] + k[1] * x + k[2] * x ** 2 + k[3] * x ** 3 + k[4] * x ** 4 + k[5] * x ** 5 - y
        loss = r ** 2 if loss is None else loss + r ** 2
    loss.backward()
    # the same walk backward() does, to list every node once
    topo, seen, stack = [], set(), [loss]
    while stack:
        v = stack.pop()
        if v in seen:
            continue
        seen.add(v)
        topo.append(v)
        stack.extend(v._prev)
    dump = json.dumps([{"value": v.data, "grad": v.grad} for v in topo])
    return loss, len(topo), len(dump)


def post(url, text):
    body = json.dumps({"source": text}).encode()
    request = urllib.request.Request(url + "/api/trace", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--micrograd", required=True, help="folder that holds the micrograd package")
    parser.add_argument("--url", default="http://127.0.0.1:7070", help="a running Stepgrad server")
    parser.add_argument("--points", type=int, default=600)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmups", type=int, default=30,
                        help="requests before the timed ones: a server just past /ready needs a few dozen large "
                             "traces before its times settle (the JIT, the heap's growth)")
    args = parser.parse_args()

    sys.path.insert(0, args.micrograd)
    sys.setrecursionlimit(100_000)  # micrograd's topological sort recurses once per level of the graph
    from micrograd.engine import Value

    text = source(args.points)
    # Stepgrad: warm-up requests (the JIT compiles the hot paths, the heap grows), then the timed ones
    for i in range(args.warmups):
        post(args.url, f"# warm-up {i} {time.time_ns()}\n" + text)
    times = []
    for i in range(args.runs):
        fresh = f"# run {i} {time.time_ns()}\n" + text  # a new text: the server's cache cannot answer
        start = time.perf_counter()
        body = post(args.url, fresh)
        times.append(time.perf_counter() - start)
    sg_times = times

    micrograd_run(Value, args.points)  # warm-up: imports, allocator
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        loss, nodes, size = micrograd_run(Value, args.points)
        times.append(time.perf_counter() - start)
    mg = statistics.median(times)
    print(f"micrograd  N={args.points}: {nodes} nodes, loss {loss.data:.6f}, JSON {size} bytes, "
          f"forward+backward+json.dumps median {mg * 1000:.1f} ms over {args.runs} runs "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")

    trace = json.loads(body)
    loss_node = trace["nodes"][trace["output"]]
    times = sg_times
    sg = statistics.median(times)
    print(f"Stepgrad   N={args.points}: {len(trace['nodes'])} nodes, loss {loss_node['value']:.6f}, JSON {len(body)} bytes, "
          f"POST /api/trace end to end median {sg * 1000:.1f} ms over {args.runs} runs "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    if abs(loss_node["value"] - loss.data) > 1e-9 * max(1.0, abs(loss.data)):
        print("the two losses differ: not the same program", file=sys.stderr)
        return 1
    print(f"ratio micrograd / Stepgrad = {mg / sg:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
