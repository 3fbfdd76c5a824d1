package org.ecovalue.simulator.run;

import java.time.Instant;
import java.util.List;
import org.ecovalue.schemas.observation.Reading;

/** Where the values of OPC UA stations go: the simulator's OPC UA server. */
public interface OpcUaSink {

    /** New values of a station's variables, with their source timestamp. */
    void update(String station, Instant sourceTime, List<Reading> readings);

    /** Fault {@code opcua-restart}: the server goes away … */
    void stopServer() throws Exception;

    /** … and comes back. */
    void startServer() throws Exception;
}
