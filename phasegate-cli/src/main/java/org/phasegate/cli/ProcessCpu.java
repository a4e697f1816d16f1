package org.phasegate.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by an embedded PostgreSQL server (its postmaster and every backend), so a
 * benchmark can say what one operation costs in CPU whatever else the machine is running. Linux only (reads
 * {@code /proc}); the kernel reports processes' times in clock ticks of 1/100 s (USER_HZ, 100 on Linux), so a
 * server's figure is good to about 10 ms per process. A backend that exits between two readings takes its time with it.
 */
record ProcessCpu(double jvmSeconds, Optional<Double> databaseSeconds) {
    private static final double TICK = 0.01;

    /** Now, for this JVM and the server whose {@code postmaster.pid} is in {@code pgDir}. */
    static ProcessCpu now(Path pgDir) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        double jvm = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
        return new ProcessCpu(jvm, postmaster(pgDir).map(ProcessCpu::treeSeconds));
    }

    /** What happened between {@code earlier} and this reading. */
    ProcessCpu since(ProcessCpu earlier) {
        var db = databaseSeconds.flatMap(now -> earlier.databaseSeconds.map(then -> now - then));
        return new ProcessCpu(jvmSeconds - earlier.jvmSeconds, db);
    }

    private static Optional<ProcessHandle> postmaster(Path pgDir) {
        try {
            var pid = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double treeSeconds(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants()).mapToLong(p -> ticks(p.pid())).sum() * TICK;
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat (counted after the command name, which may hold spaces). */
    private static long ticks(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
