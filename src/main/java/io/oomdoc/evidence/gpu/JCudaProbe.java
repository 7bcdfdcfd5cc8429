package io.oomdoc.evidence.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Device facts from the CUDA driver API through JCuda: count, name, total memory, compute capability,
 * PCI bus id, driver version. These calls create no CUDA context, so probing a full card costs nothing.
 * Free memory needs a context (hundreds of MiB); it is read only when asked for.
 */
public final class JCudaProbe {
    public record Device(int ordinal, String name, long totalBytes, String computeCapability, String busId,
            Long freeBytes) {}

    public record Reading(String driverVersion, List<Device> devices, List<GpuState.Unknown> unknown) {}

    public Reading read(boolean withContext) {
        List<GpuState.Unknown> unknown = new ArrayList<>();
        try {
            return Driver.read(withContext, unknown);
        } catch (LinkageError e) { // no libcuda / JCuda natives for this platform: normal on machines without NVIDIA
            unknown.add(new GpuState.Unknown("CUDA driver (JCuda)", whyNotLoaded(e.getMessage())));
        } catch (RuntimeException e) {
            unknown.add(new GpuState.Unknown("CUDA driver (JCuda)", firstLine(e.getMessage())));
        }
        return new Reading(null, List.of(), unknown);
    }

    /**
     * JCuda's loader message names its own library ("Error while loading native library JCudaDriver-12.0.0-...")
     * and buries the cause in nested traces: libcuda missing means no NVIDIA driver; anything else is JCuda's own
     * native library not loading on this operating system and architecture.
     */
    static String whyNotLoaded(String loaderMessage) {
        if (loaderMessage == null || loaderMessage.contains("libcuda")) return GpuText.get("jcuda.no.libcuda");
        return GpuText.get("jcuda.no.native", System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String firstLine(String s) {
        return s == null ? GpuText.get("jcuda.unknown") : s.lines().findFirst().orElse(s);
    }

    /** Kept in its own class so JCuda's classes load only when the probe runs. */
    private static final class Driver {
        static Reading read(boolean withContext, List<GpuState.Unknown> unknown) {
            jcuda.driver.JCudaDriver.setExceptionsEnabled(false);
            int rc = jcuda.driver.JCudaDriver.cuInit(0);
            if (rc != 0) {
                unknown.add(new GpuState.Unknown("CUDA driver (JCuda)", GpuText.get("jcuda.cuinit",
                        jcuda.driver.CUresult.stringFor(rc))));
                return new Reading(null, List.of(), unknown);
            }
            int[] v = new int[1];
            jcuda.driver.JCudaDriver.cuDriverGetVersion(v);
            String driver = v[0] / 1000 + "." + (v[0] % 1000) / 10;
            int[] n = new int[1];
            jcuda.driver.JCudaDriver.cuDeviceGetCount(n);
            List<Device> devices = new ArrayList<>();
            for (int i = 0; i < n[0]; i++) devices.add(device(i, withContext));
            return new Reading(driver, devices, unknown);
        }

        /** Device i's name, memory, compute capability and bus id; its free memory only inside a context. */
        private static Device device(int i, boolean withContext) {
            jcuda.driver.CUdevice d = new jcuda.driver.CUdevice();
            jcuda.driver.JCudaDriver.cuDeviceGet(d, i);
            byte[] name = new byte[256];
            jcuda.driver.JCudaDriver.cuDeviceGetName(name, name.length, d);
            long[] total = new long[1];
            jcuda.driver.JCudaDriver.cuDeviceTotalMem(total, d);
            int[] major = new int[1], minor = new int[1];
            jcuda.driver.JCudaDriver.cuDeviceGetAttribute(major,
                    jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, d);
            jcuda.driver.JCudaDriver.cuDeviceGetAttribute(minor,
                    jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, d);
            String[] bus = new String[1];
            jcuda.driver.JCudaDriver.cuDeviceGetPCIBusId(bus, 64, d);
            Long free = null;
            if (withContext) {
                jcuda.driver.CUcontext ctx = new jcuda.driver.CUcontext();
                if (jcuda.driver.JCudaDriver.cuCtxCreate(ctx, 0, d) == 0) {
                    long[] f = new long[1], t = new long[1];
                    jcuda.driver.JCudaDriver.cuMemGetInfo(f, t);
                    free = f[0];
                    jcuda.driver.JCudaDriver.cuCtxDestroy(ctx);
                }
            }
            String nm = new String(name, java.nio.charset.StandardCharsets.US_ASCII).trim().replace("\0", "");
            return new Device(i, nm, total[0], major[0] + "." + minor[0], bus[0] == null ? null
                    : bus[0].trim(), free);
        }
    }
}
