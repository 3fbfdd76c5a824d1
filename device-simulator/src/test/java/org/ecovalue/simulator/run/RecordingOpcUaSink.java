package org.ecovalue.simulator.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.observation.Reading;

/** What the run handed to its OPC UA server, and when the server was stopped and started. */
final class RecordingOpcUaSink implements OpcUaSink {

    record Update(String station, Instant sourceTime, List<Reading> readings) {
    }

    final List<Update> updates = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void update(String station, Instant sourceTime, List<Reading> readings) {
        updates.add(new Update(station, sourceTime, readings));
    }

    @Override
    public void stopServer() {
        events.add("stop@" + updates.size());
    }

    @Override
    public void startServer() {
        events.add("start@" + updates.size());
    }
}
