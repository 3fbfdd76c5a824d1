package org.ecovalue.jobs.qc;

import java.util.Set;

/**
 * Values a working sensor can hold for hours: nothing falls in a dry spell (precipitation 0 mm), the sun
 * is down all night (solar radiation 0 W/m²), the air is calm (wind speed 0 m/s below the anemometer's
 * starting threshold), a seasonal river runs dry (flow 0 m³/s). A run at such a value is the signal, not
 * a frozen sensor, so the flat-line rule of {@link ObservationQualityControl} leaves it alone; the same
 * sensor stuck at any other value is still caught. An engineering choice, not from a standard: the
 * parameters whose physical floor is a normal state for a long time.
 */
public final class RestingValue {

    private static final Set<String> REST_AT_ZERO = Set.of("precipitation", "solar_radiation", "wind_speed", "flow");

    private RestingValue() {
    }

    /** {@code value} of {@code param} may stay unchanged for hours on a working sensor. */
    public static boolean isNatural(String param, double value) {
        return value == 0.0 && REST_AT_ZERO.contains(param);
    }
}
