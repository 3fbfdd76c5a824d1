package org.ecovalue.simulator.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.ecovalue.schemas.hj212.Hj212Command;
import org.ecovalue.schemas.hj212.Hj212Encoder;
import org.ecovalue.schemas.hj212.Hj212Version;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;

/**
 * Turns an observation into what the station puts on the wire: the JSON contract (ObservationCodec)
 * or an HJ 212-2017 packet (Hj212Encoder) with the data command a real logger uses for its
 * reporting interval: 2061 hourly, 2051 minute data, 2011 real-time.
 */
public final class PayloadEncoder {

    /** HJ 212-2017 Table 5 system codes: 21 surface water, 22 ambient air. */
    static final String ST_SURFACE_WATER = "21";
    static final String ST_AMBIENT_AIR = "22";
    static final String DEFAULT_PASSWORD = "123456";

    private final SimulatedClock clock = new SimulatedClock();
    private final Hj212Encoder water;
    private final Hj212Encoder air;

    public PayloadEncoder(ZoneId zone) {
        water = new Hj212Encoder(clock, zone, Hj212Version.HJ_212_2017, ST_SURFACE_WATER, DEFAULT_PASSWORD, false);
        air = new Hj212Encoder(clock, zone, Hj212Version.HJ_212_2017, ST_AMBIENT_AIR, DEFAULT_PASSWORD, false);
    }

    public static byte[] json(Observation o) {
        return ObservationCodec.encode(o);
    }

    /**
     * @param sentAt the station's clock when it sends (QN, the request number, is that time)
     */
    public byte[] hj212(Station station, Observation o, Instant sentAt) {
        clock.set(sentAt);
        Hj212Encoder encoder = station.kind() == StationKind.AIR || station.kind() == StationKind.WEATHER ? air : water;
        return encoder.encode(o, command(Duration.ofSeconds(station.reportingIntervalSeconds())))
                .getBytes(StandardCharsets.US_ASCII);
    }

    static Hj212Command command(Duration interval) {
        if (interval.toSeconds() >= 3600) {
            return Hj212Command.HOURLY_DATA;
        }
        return interval.toSeconds() >= 60 ? Hj212Command.MINUTE_DATA : Hj212Command.REALTIME_DATA;
    }

    /** The encoder's clock, set to the simulated send time before each packet (QN must not come from the wall clock). */
    private static final class SimulatedClock extends Clock {
        private Instant now = Instant.EPOCH;

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
