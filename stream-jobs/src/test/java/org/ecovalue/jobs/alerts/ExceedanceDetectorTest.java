package org.ecovalue.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.jobs.inventory.QualitySample;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.ecovalue.schemas.alert.Severity;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExceedanceDetectorTest {

    private static final long T0 = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000;

    private KeyedOneInputStreamOperatorTestHarness<String, QualitySample, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new ExceedanceDetector(3)),
                QualitySample::sectionId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Hour {@code h} at section S01 (target III, river): NH3-N as given, everything else class I–II. */
    private void hour(int h, double nh3n) throws Exception {
        Map<Parameter, Double> v = Map.of(Parameter.PH, 7.5, Parameter.DO, 8.0, Parameter.CODMN, 1.5,
                Parameter.NH3N, nh3n, Parameter.TP, 0.05);
        double[] factors = SurfaceWaterStandard.REALTIME_FACTORS.stream().mapToDouble(v::get).toArray();
        harness.processElement(new QualitySample("390121", "清源县", UnitKind.COUNTY, "W1", "S01", T0 + h * HOUR,
                WaterBody.RIVER, WaterClass.III, factors, 24), T0 + h * HOUR);
    }

    @Test
    void threeHoursWorseThanClassIIIOpenAnEpisodeAndThreeWithinItCloseIt() throws Exception {
        hour(0, 1.2); // IV (1.0 < x ≤ 1.5): one hour only
        hour(1, 0.8); // III: meets the target
        hour(2, 1.2); // IV
        hour(3, 1.3); // IV
        hour(4, 1.4); // IV: third in a row → open, from hour 2
        hour(5, 0.9); // III
        hour(6, 1.1); // IV: the recovery starts again
        hour(7, 0.9);
        hour(8, 0.8);
        hour(9, 0.7); // third within target in a row → closed at hour 7

        assertThat(harness.extractOutputValues()).hasSize(2);
        Alert opened = harness.extractOutputValues().get(0);
        assertThat(opened.type()).isEqualTo(AlertType.EXCEEDANCE);
        assertThat(opened.sectionId()).isEqualTo("S01");
        assertThat(opened.param()).isEqualTo("nh3n");
        assertThat(opened.value()).isEqualTo(1.4);
        assertThat(opened.limit()).isEqualTo(1.0); // GB 3838-2002 Table 1, NH3-N class III
        assertThat(opened.startedAt()).isEqualTo(T0 + 2 * HOUR);
        assertThat(opened.severity()).isEqualTo(Severity.WARNING);
        assertThat(opened.isOpen()).isTrue();
        Alert closed = harness.extractOutputValues().get(1);
        assertThat(closed.startedAt()).isEqualTo(T0 + 2 * HOUR);
        assertThat(closed.endedAt()).isEqualTo(T0 + 7 * HOUR);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aValueHoveringAtTheLimitDoesNotFlap() throws Exception {
        for (int h = 0; h < 12; h++) {
            hour(h, h % 2 == 0 ? 1.01 : 0.99);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
