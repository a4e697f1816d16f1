#!/usr/bin/env python3
"""Whole-process start-up timing for BENCHMARKS.md (issue 11): each round runs every command once, in turn, so all
share the machine's load. usage: startup-bench.py ROUNDS 'label=command' ...  (the label holds no '=')
prints, per command, median and min wall time and median and min CPU (user + sys of the process and its children)."""
import os, sys, time, shlex, statistics, subprocess
rounds = int(sys.argv[1]); cmds = [a.split('=', 1) for a in sys.argv[2:]]
res = {l: ([], []) for l, _ in cmds}
for _ in range(rounds):
    for label, cmd in cmds:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status) != 0: print(f"{label}: exit {os.waitstatus_to_exitcode(status)}", file=sys.stderr)
        res[label][0].append(wall); res[label][1].append(ru.ru_utime + ru.ru_stime)
for label, (w, c) in res.items():
    print(f"{label:40s} wall median {statistics.median(w):.3f} s  min {min(w):.3f} s   CPU median {statistics.median(c):.3f} s  min {min(c):.3f} s  (n={len(w)})")
