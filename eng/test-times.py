#!/usr/bin/env python3
"""Where the test suite's time goes, from the TRX files `dotnet test` wrote (.ci/run sets VSTestLogger=trx).

    python3 eng/test-times.py artifacts/test-results [N]

Per test assembly: its wall time; then the N classes (default 12) with the most test time, each with when its first
test started and its last ended, in seconds since the earliest test of the run began. A class that ends long after
the others is the suite's tail: the scheduling to fix first (tests/Shared/LongestFirst.cs orders classes). Last, the
classes of 25 s or more whose [TakesSeconds] is missing or more than a third off: LongestFirst starts a class without one
after every tagged class, so a heavy new class ends the run alone (give each the figure printed).
"""
import collections
import datetime
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def when(text):
    # TRX times carry 7 fractional digits and an offset: 2026-11-25T22:10:16.1234567+00:00.
    head, _, rest = text.partition(".")
    digits = "".join(c for c in rest if c.isdigit())[:6]
    return datetime.datetime.fromisoformat(f"{head}.{digits}{rest[-6:]}")


def seconds(duration):
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"
    most = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    files = sorted(glob.glob(os.path.join(folder, "*.trx")))
    if not files:
        print(f"test-times: no TRX files in {folder}")
        return
    classes = collections.defaultdict(lambda: [0.0, None, None, ""])
    tags = takes_minutes(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    assemblies = []
    for path in files:
        root = ET.parse(path).getroot()
        times = root.find("t:Times", NS)
        definitions = {d.get("id"): d.find("t:TestMethod", NS) for d in root.iterfind(".//t:UnitTest", NS)}
        name = ""
        for result in root.iterfind(".//t:UnitTestResult", NS):
            method = definitions.get(result.get("testId"))
            if method is None or result.get("startTime") is None:
                continue
            name = os.path.basename(method.get("codeBase") or name)
            entry = classes[method.get("className")]
            start, end = when(result.get("startTime")), when(result.get("endTime"))
            entry[0] += seconds(result.get("duration", "0:0:0"))
            entry[1] = start if entry[1] is None or start < entry[1] else entry[1]
            entry[2] = end if entry[2] is None or end > entry[2] else entry[2]
            entry[3] = name
        if times is not None:
            assemblies.append((name, when(times.get("start")), when(times.get("finish"))))
    origin = min(start for _, start, _ in assemblies) if assemblies else min(c[1] for c in classes.values())
    for name, start, finish in assemblies:
        print(f"test-times: {name}: {(start - origin).total_seconds():.0f} s to {(finish - origin).total_seconds():.0f} s")
    print(f"test-times: the {most} classes with the most test time (sum of their tests; first start, last end):")
    for class_name, (total, start, end, assembly) in sorted(classes.items(), key=lambda c: -c[1][0])[:most]:
        print(f"  {total:7.1f} s  {(start - origin).total_seconds():5.0f}-{(end - origin).total_seconds():5.0f} s  {class_name.rsplit('.', 1)[-1]} ({assembly})")
    stale = [(name, round(total), tags.get(name)) for name, total in
             ((c.rsplit(".", 1)[-1], v[0]) for c, v in classes.items()) if total >= 25 and off(total, tags.get(name))]
    if stale:
        print("test-times: [TakesSeconds] to set (missing or a third off; tests/Shared/LongestFirst.cs): " + ", ".join(
            f"{name} {seconds} ({tag if tag is not None else 'none'})" for name, seconds, tag in sorted(stale, key=lambda s: -s[1])))


def off(total, tag):
    return tag is None or abs(total - tag) > tag / 3


def takes_minutes(root):
    """Each test class's [TakesSeconds] figure, from the test sources beside this script."""
    tags = {}
    for path in glob.glob(os.path.join(root, "tests", "**", "*.cs"), recursive=True):
        with open(path, encoding="utf-8") as source:
            text = source.read()
        for seconds, name in re.findall(r"\[TakesSeconds\((\d+)\)\][^{;]*?\bclass\s+(\w+)", text):
            tags[name] = int(seconds)
    return tags


if __name__ == "__main__":
    main()
