package org.ecovalue.schemas.standards.et0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * FAO-56 Example 18 (chapter 4): Uccle (Brussels), 6 July, 50°48′N, 100 m; Tmax 21.5 °C, Tmin 12.3 °C,
 * RHmax 84 %, RHmin 63 %, wind 10 km/h at 10 m, 9.25 h of sunshine. The paper's intermediate values are
 * quoted to the digits it prints.
 */
class ReferenceEvapotranspirationTest {

    private static final double LAT = 50 + 48.0 / 60;
    private static final int J = 187; // 6 July
    private static final double Z = 100;

    @Test
    void example18UccleSixthOfJulyGives3point9MmPerDay() {
        double u2 = ReferenceEvapotranspiration.windAt2m(10 / 3.6, 10);
        assertThat(u2).isCloseTo(2.078, within(0.001));
        assertThat(ReferenceEvapotranspiration.extraterrestrialRadiation(LAT, J)).isCloseTo(41.09, within(0.05));
        assertThat(ReferenceEvapotranspiration.daylightHours(LAT, J)).isCloseTo(16.1, within(0.05));
        double rs = ReferenceEvapotranspiration.solarRadiationFromSunshine(9.25, LAT, J);
        assertThat(rs).isCloseTo(22.07, within(0.05));
        assertThat(ReferenceEvapotranspiration.psychrometricConstant(Z)).isCloseTo(0.0666, within(0.0001));

        double et0 = ReferenceEvapotranspiration.daily(new DailyWeather(12.3, 21.5, 63, 84, u2, rs), LAT, Z, J);
        assertThat(et0).isCloseTo(3.9, within(0.05));
    }

    @Test
    void moreWindOnADrierDayEvaporatesMore() {
        DailyWeather calm = new DailyWeather(12.3, 21.5, 63, 84, 1.0, 20);
        DailyWeather windyDry = new DailyWeather(12.3, 21.5, 30, 50, 4.0, 20);
        assertThat(ReferenceEvapotranspiration.daily(windyDry, LAT, Z, J))
                .isGreaterThan(ReferenceEvapotranspiration.daily(calm, LAT, Z, J));
    }
}
