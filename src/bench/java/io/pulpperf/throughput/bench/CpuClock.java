package io.pulpperf.throughput.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's CPU time since {@link #start()}: all threads (clients, a library's event loops, GC,
 * JIT) and the part of it spent in the kernel, so every dispatch benchmark measures CPU the same way.
 */
final class CpuClock {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long cpuNanosAtStart;
    private final double systemSecondsAtStart;

    private CpuClock() {
        cpuNanosAtStart = OS.getProcessCpuTime();
        systemSecondsAtStart = systemSeconds();
    }

    static CpuClock start() {
        return new CpuClock();
    }

    double cpuSeconds() {
        return (OS.getProcessCpuTime() - cpuNanosAtStart) / 1e9;
    }

    double systemSecondsSinceStart() {
        return systemSeconds() - systemSecondsAtStart;
    }

    /** This process's system (kernel) CPU seconds from /proc/self/stat (Linux; 0 elsewhere). */
    static double systemSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) / 100.0;  // stime, field 15, in clock ticks (USER_HZ = 100)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
