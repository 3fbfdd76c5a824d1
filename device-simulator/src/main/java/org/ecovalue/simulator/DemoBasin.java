package org.ecovalue.simulator;

import java.util.List;
import org.ecovalue.schemas.standards.water.WaterBody;

/**
 * The built-in demo: four automatic water stations on the (fictional) 清溪 basin, tuned so that the
 * real-time GB 3838-2002 class of each wanders across a class boundary every few minutes:
 * QX-S01 III↔IV on NH3-N (limit 1.0), QX-S02 II↔III on TP (river limit 0.1), QX-S03 a lake III↔IV on
 * TP (lake limit 0.05), QX-S04 IV↔V on NH3-N (limit 1.5).
 */
public final class DemoBasin {

    private DemoBasin() {
    }

    public static List<StationProfile> stations() {
        return List.of(
                new StationProfile("QX-S01", "清溪口", WaterBody.RIVER, List.of(
                        ph(7.6), dissolvedOxygen(6.8), codmn(4.6),
                        new ParameterProfile("nh3n", "mg/L", 0.92, 0.18, 40, 0.01, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.12, 0.02, 55, 0.002, 0.005, 2, 3),
                        flow(35))),
                new StationProfile("QX-S02", "石门桥", WaterBody.RIVER, List.of(
                        ph(7.9), dissolvedOxygen(7.2), codmn(3.1),
                        new ParameterProfile("nh3n", "mg/L", 0.28, 0.06, 45, 0.005, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.095, 0.015, 36, 0.002, 0.005, 2, 3),
                        flow(12))),
                new StationProfile("QX-S03", "白鹭湖", WaterBody.LAKE, List.of(
                        ph(8.2), dissolvedOxygen(8.1), codmn(4.2),
                        new ParameterProfile("nh3n", "mg/L", 0.35, 0.05, 50, 0.005, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.048, 0.008, 42, 0.001, 0.003, 2, 3))),
                new StationProfile("QX-S04", "下沙断面", WaterBody.RIVER, List.of(
                        ph(7.3), dissolvedOxygen(4.6), codmn(7.8),
                        new ParameterProfile("nh3n", "mg/L", 1.45, 0.15, 38, 0.01, 0.05, 10, 3),
                        new ParameterProfile("tp", "mg/L", 0.22, 0.03, 60, 0.003, 0.01, 2, 3),
                        flow(58))));
    }

    private static ParameterProfile ph(double mean) {
        return new ParameterProfile("ph", "", mean, 0.15, 80, 0.01, 6.2, 8.8, 2);
    }

    private static ParameterProfile dissolvedOxygen(double mean) {
        return new ParameterProfile("do", "mg/L", mean, 0.6, 70, 0.03, 2.5, 12, 2);
    }

    private static ParameterProfile codmn(double mean) {
        return new ParameterProfile("codmn", "mg/L", mean, 0.4, 90, 0.02, 0.5, 20, 2);
    }

    private static ParameterProfile flow(double mean) {
        return new ParameterProfile("flow", "m3/s", mean, mean * 0.1, 120, mean * 0.005, mean * 0.3, mean * 3, 2);
    }
}
