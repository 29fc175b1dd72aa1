#!/usr/bin/env python3
"""Writes the large lessons the graph benchmark and the large-graph browser test open:
a curve fit over N points (model-built, about 24 nodes a point) and a program of about
100,000 nodes, into the folder given (with the course's own lessons copied beside them).

    python3 bench/large_lessons.py /tmp/large-lessons
"""
import math
import pathlib
import shutil
import sys

HEAD = "title: {title}\nsummary: {summary}\norder: {order}\nintro: |\n  {intro}\n"


def fit(points):
    data = ", ".join(f"[{-1 + 2 * i / (points - 1):.4f}, {math.sin(3 * (-1 + 2 * i / (points - 1))):.4f}]" for i in range(points))
    return (HEAD.format(title=f"A fit over {points} points", summary="The Curve Fitter's graph at scale.", order=90 + points // 1000,
                        intro="Every point is one group; open any of them.")
            + "model:\n  type: polynomial\n  degree: 5\n  knobs: [0.1, -0.2, 0.3, 0.05, -0.15, 0.02]\n"
            + f"  points: [{data}]\n")


def chain(lines):
    # a_i = a_(i-1) * 1.0001 + 1: a constant, a product, a constant and a sum per line
    body = "\n".join(["  a_0 = 1"] + [f"  a_{i} = a_{i - 1} * 1.0001 + 1" for i in range(1, lines)])
    return (HEAD.format(title=f"A program of {4 * lines - 3:,} nodes", summary="A long chain, drawn one series at a time.", order=99,
                        intro="Each line adds four nodes.")
            + "program: |\n" + body + "\n")


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/large-lessons")
    out.mkdir(parents=True, exist_ok=True)
    course = pathlib.Path(__file__).resolve().parent.parent / "lessons"
    for f in course.glob("*.yaml"):
        shutil.copy(f, out / f.name)
    (out / "fit-1000.yaml").write_text(fit(1000))
    (out / "fit-200.yaml").write_text(fit(200))
    (out / "chain-100k.yaml").write_text(chain(25_000))
    print(out)


if __name__ == "__main__":
    main()
