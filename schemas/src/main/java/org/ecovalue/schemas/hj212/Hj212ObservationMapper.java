package org.ecovalue.schemas.hj212;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.units.UnitConversion;

/**
 * Turns a data packet into the contract's observation: station = MN, ts = DataTime, one reading
 * per mapped factor with the value of the packet's kind (Rtd for 2011, Avg for 2051/2061/2031),
 * its {@code -Flag} (default N, DESIGN "JSON payload"), converted to the canonical unit.
 * Factors that cannot become a reading are listed with the reason, never dropped silently.
 */
public final class Hj212ObservationMapper {

    private Hj212ObservationMapper() {
    }

    /**
     * @throws InputRejectedException {@code not-data-packet} for commands, acks and data requests;
     *     {@code incomplete-split} for one part of a split packet; {@code missing-header-field}
     *     for an empty MN; {@code missing-datatime} when DataTime is absent
     */
    public static Hj212Observation map(Hj212Packet packet) throws InputRejectedException {
        Optional<Hj212Command> command = packet.command();
        if (command.isEmpty() || !packet.isDataUpload()) {
            String what = command.map(c -> c.code() + " (" + c.meaning() + ")").orElse(packet.cn() + " (unknown)");
            throw new InputRejectedException(RejectReason.NOT_DATA_PACKET, "CN " + what
                    + (command.map(Hj212Command::carriesData).orElse(false)
                            ? " without factor values is a request, not an upload" : " carries no monitoring data"));
        }
        if (packet.isSplit()) {
            throw new InputRejectedException(RejectReason.INCOMPLETE_SPLIT, "part " + packet.pno() + " of "
                    + packet.pnum() + ": join the parts with Hj212SplitAssembler before mapping");
        }
        if (packet.mn().isBlank()) {
            throw new InputRejectedException(RejectReason.MISSING_HEADER_FIELD, "MN is empty: the packet names no station");
        }
        if (packet.dataTime() == null) {
            throw new InputRejectedException(RejectReason.MISSING_DATATIME, "CN " + packet.cn() + " has no DataTime");
        }
        String suffix = command.get().valueSuffix().orElseThrow();
        List<Reading> readings = new ArrayList<>();
        List<Hj212UnmappedFactor> unmapped = new ArrayList<>();
        Map<Parameter, String> seen = new EnumMap<>(Parameter.class);
        for (Hj212DataItem item : packet.items().values()) {
            String code = item.factor();
            Optional<Hj212Factor> factor = Hj212FactorCodes.lookup(code);
            if (factor.isEmpty()) {
                unmapped.add(new Hj212UnmappedFactor(code, "no canonical parameter for this factor code"));
                continue;
            }
            Parameter p = factor.get().parameter();
            if (!factor.get().appliesTo(packet.st())) {
                unmapped.add(new Hj212UnmappedFactor(code, "flue-gas concentration of a source (ST " + packet.st()
                        + "), not the ambient " + p.code()));
                continue;
            }
            Optional<BigDecimal> value = item.value(suffix);
            if (value.isEmpty()) {
                unmapped.add(new Hj212UnmappedFactor(code, "no -" + suffix + " value in a CN " + packet.cn() + " packet"));
                continue;
            }
            Flag flag;
            try {
                flag = Flag.parse(item.flag());
            } catch (IllegalArgumentException e) {
                unmapped.add(new Hj212UnmappedFactor(code, "data flag '" + Hj212Text.abbreviate(item.flag())
                        + "' is not in HJ 212-2017 Table 8 (N F M S D C T B)"));
                continue;
            }
            String unit = factor.get().unit();
            double canonical;
            try {
                // every unit of the factor table converts by a pure scale (tested), applied in decimal
                // so that 101.32 kPa gives 1013.2 hPa and not 1013.1999999999999
                double scale = UnitConversion.toCanonical(p, 1.0, unit);
                canonical = value.get().multiply(BigDecimal.valueOf(scale)).doubleValue();
            } catch (InputRejectedException e) {
                unmapped.add(new Hj212UnmappedFactor(code, e.detail()));
                continue;
            }
            if (!p.isPhysicallyPossible(canonical)) {
                unmapped.add(new Hj212UnmappedFactor(code, p.code() + " = " + canonical + " " + p.canonicalUnit()
                        + " is outside the physically possible range [" + p.physicalMin() + ", " + p.physicalMax() + "]"));
                continue;
            }
            String earlier = seen.putIfAbsent(p, code);
            if (earlier != null) {
                unmapped.add(new Hj212UnmappedFactor(code, "same parameter " + p.code() + " as factor " + earlier));
                continue;
            }
            readings.add(new Reading(p.code(), canonical, p.canonicalUnit(), flag));
        }
        Observation observation = new Observation(packet.mn(), packet.dataTime(), null, readings);
        return new Hj212Observation(observation, command.get(), unmapped);
    }
}
