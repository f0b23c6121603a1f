package dev.qhook.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM process, all threads (JIT and GC included). */
final class ProcessCpu {
  private ProcessCpu() {}

  /** Nanoseconds of CPU used so far, or 0 where the JVM does not report it. */
  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
