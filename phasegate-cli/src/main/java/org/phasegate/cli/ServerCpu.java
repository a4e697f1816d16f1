package org.phasegate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * CPU seconds used so far by an embedded PostgreSQL (the postmaster, its reaped children, and its live children), from
 * Linux's /proc: with the JVM's own CPU time, a figure that other processes' load does not change. Empty elsewhere.
 */
final class ServerCpu {
    private static final double TICKS = 100.0;   // USER_HZ on Linux

    private ServerCpu() {
    }

    static OptionalDouble seconds(Path pgDir) {
        try {
            var pid = Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).strip();
            double total = own(pid, true);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (var p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    var stat = stat(p.getFileName().toString());
                    if (stat != null && stat[3].equals(pid)) total += ticks(stat, false);
                }
            }
            return OptionalDouble.of(total / TICKS);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    private static double own(String pid, boolean withChildren) {
        var stat = stat(pid);
        return stat == null ? 0 : ticks(stat, withChildren);
    }

    /** utime + stime (+ cutime + cstime): fields 14..17 of /proc/PID/stat. */
    private static double ticks(String[] stat, boolean withChildren) {
        double t = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withChildren ? t + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : t;
    }

    /** The fields of /proc/PID/stat after the command name (which may hold spaces), numbered as proc(5) does from 1. */
    private static String[] stat(String pid) {
        try {
            var s = Files.readString(Path.of("/proc", pid, "stat"));
            var rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            var out = new String[rest.length + 2];
            out[0] = pid;
            out[1] = "";
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
