package org.articlekg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: CPU, cores, memory, Java. */
public record Machine(String cpu, int cores, long memoryBytes, String java, long maxHeapBytes) {
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
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Runtime.getRuntime().maxMemory());
    }

    @Override
    public String toString() {
        return String.format("%s, %d cores, %.1f GiB memory, %s, max heap %.2f GiB", cpu, cores,
                memoryBytes / (1024.0 * 1024 * 1024), java, maxHeapBytes / (1024.0 * 1024 * 1024));
    }
}
