package org.articlekg.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the figures were measured on: CPU, cores, memory, Java and its garbage collectors (a build
 * takes a fifth less CPU with the throughput collector than with G1), and the machine's load when the
 * run began (Linux's load averages over 1, 5 and 15 minutes: on a shared machine, the other work
 * that ran beside the figures; null where unknown).
 */
public record Machine(String cpu, int cores, long memoryBytes, String java, long maxHeapBytes, String load) {
    public Machine(String cpu, int cores, long memoryBytes, String java, long maxHeapBytes) {
        this(cpu, cores, memoryBytes, java, maxHeapBytes, null);
    }

    /** The load averages now ({@code /proc/loadavg}: "0.52 0.61 0.70"), or null where unknown. */
    public static String loadNow() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Machine here() {
        String cpu = "unknown CPU";
        long memory = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave the defaults.
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (" + collectors() + ")", Runtime.getRuntime().maxMemory(), loadNow());
    }

    /** The JVM's garbage collectors as it names them ("G1 Young Generation, G1 Old Generation"). */
    private static String collectors() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    @Override
    public String toString() {
        return String.format("%s, %d cores, %.1f GiB memory, %s, max heap %.2f GiB%s", cpu, cores,
                memoryBytes / (1024.0 * 1024 * 1024), java, maxHeapBytes / (1024.0 * 1024 * 1024),
                load == null ? "" : ", load average " + load + " (1, 5, 15 min) at the start");
    }
}
