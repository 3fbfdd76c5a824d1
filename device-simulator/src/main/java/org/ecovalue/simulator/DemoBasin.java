package org.ecovalue.simulator;

import java.util.List;
import org.ecovalue.schemas.standards.water.WaterBody;

/**
 * The built-in demo: four automatic water stations on the (fictional) 清溪 basin, tuned so that the
 * real-time GB 3838-2002 class of each wanders across one class boundary every few minutes, decided by
 * one parameter (GB 3838-2002 Table 1 limits): QX-S01 III↔IV on NH3-N (1.0 mg/L), QX-S02 II↔III on TP
 * (river 0.1 mg/L), QX-S03, a lake, III↔IV on TP (lake 0.05 mg/L), QX-S04 IV↔V on NH3-N (1.5 mg/L).
 */
public final class DemoBasin {

    private DemoBasin() {
    }

    public static List<StationProfile> stations() {
        return List.of(
                // NH3-N swings across 1.0 mg/L (III/IV); everything else stays within class II
                new StationProfile("QX-S01", "清溪口", WaterBody.RIVER, List.of(
                        ph(7.6), dissolvedOxygen(7.0, 0.3), codmn(3.0),
                        new ParameterProfile("nh3n", "mg/L", 0.92, 0.18, 40, 0.01, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.07, 0.01, 55, 0.001, 0.005, 2, 3),
                        flow(35))),
                // TP swings across the river limit 0.1 mg/L (II/III); the rest is class I
                new StationProfile("QX-S02", "石门桥", WaterBody.RIVER, List.of(
                        ph(7.9), dissolvedOxygen(8.6, 0.3), codmn(1.4),
                        new ParameterProfile("nh3n", "mg/L", 0.09, 0.02, 45, 0.002, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.095, 0.015, 36, 0.002, 0.005, 2, 3),
                        flow(12))),
                // a lake: TP swings across the lake limit 0.05 mg/L (III/IV); the rest within class II
                new StationProfile("QX-S03", "白鹭湖", WaterBody.LAKE, List.of(
                        ph(8.2), dissolvedOxygen(8.4, 0.3), codmn(3.0),
                        new ParameterProfile("nh3n", "mg/L", 0.32, 0.05, 50, 0.005, 0.02, 5, 3),
                        new ParameterProfile("tp", "mg/L", 0.048, 0.008, 42, 0.001, 0.003, 2, 3))),
                // NH3-N swings across 1.5 mg/L (IV/V); DO, CODMn and TP stay within class III
                new StationProfile("QX-S04", "下沙断面", WaterBody.RIVER, List.of(
                        ph(7.3), dissolvedOxygen(5.5, 0.2), codmn(5.0),
                        new ParameterProfile("nh3n", "mg/L", 1.45, 0.15, 38, 0.01, 0.05, 10, 3),
                        new ParameterProfile("tp", "mg/L", 0.15, 0.02, 60, 0.002, 0.01, 2, 3),
                        flow(58))));
    }

    private static ParameterProfile ph(double mean) {
        return new ParameterProfile("ph", "", mean, 0.15, 80, 0.01, 6.2, 8.8, 2);
    }

    private static ParameterProfile dissolvedOxygen(double mean, double swing) {
        return new ParameterProfile("do", "mg/L", mean, swing, 70, 0.01, 2.5, 12, 2);
    }

    private static ParameterProfile codmn(double mean) {
        return new ParameterProfile("codmn", "mg/L", mean, 0.3, 90, 0.01, 0.5, 20, 2);
    }

    private static ParameterProfile flow(double mean) {
        return new ParameterProfile("flow", "m3/s", mean, mean * 0.1, 120, mean * 0.005, mean * 0.3, mean * 3, 2);
    }
}
