package io.oomdoc.evidence.gpu;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * GPU and host memory state as oomdoc could read it (DESIGN.md's JSON of `gpu`). Everything it could
 * not read is listed in {@code unknown} with the reason, which feeds the report's Information Gaps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GpuState(String source, String driverVersion, String cudaVersion, List<Gpu> gpus, List<Process> processes,
                       Host host, List<Unknown> unknown) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gpu(int index, String name, String uuid, String busId, Long memoryTotalBytes, Long memoryUsedBytes,
                      Long memoryFreeBytes, Long memoryReservedBytes, Integer utilizationPercent, String migMode,
                      String computeCapability, List<MigDevice> migDevices, List<Process> processes) {

        /** Memory in use that no listed process accounts for: another container, a zombie, the driver. */
        public Long unattributedBytes() {
            if (memoryUsedBytes == null) return null;
            long listed = processes.stream().mapToLong(p -> p.usedBytes() == null ? 0 : p.usedBytes()).sum();
            return memoryUsedBytes - listed;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Process(int gpuIndex, long pid, String name, Long usedBytes, String note) {}

    public record MigDevice(int gi, int ci, int migDevice, long memoryUsedBytes, long memoryTotalBytes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Host(Long memTotalBytes, Long memAvailableBytes, Long swapTotalBytes, Long swapFreeBytes,
                       Long cgroupLimitBytes, Long cgroupUsageBytes, Long oomKills, Long shmBytes, Integer cpuCount,
                       List<String> recentKernelOomKills) {}

    public record Unknown(String what, String why) {}
}
