package org.ecovalue.simulator.run;

import java.nio.charset.StandardCharsets;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212ObservationMapper;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.simulator.delivery.Delivery;

/** Decodes a message as ingest would: the pipeline's own decoders, not the simulator's encoder. */
final class Wire {

    private Wire() {
    }

    static Observation decode(Delivery d) throws InputRejectedException {
        if (d.topic().endsWith("/hj212")) {
            return Hj212ObservationMapper.map(Hj212Decoder.strict().decode(new String(d.payload(), StandardCharsets.US_ASCII)))
                    .observation();
        }
        return ObservationCodec.decode(d.payload());
    }

    static Observation decodeOrNull(Delivery d) {
        try {
            return decode(d);
        } catch (InputRejectedException e) {
            return null;
        }
    }
}
