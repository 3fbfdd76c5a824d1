package org.ecovalue.jobs;

import java.util.List;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.SectionRole;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * A small basin: county 390121 (清源县) passes its water to county 390122 through section S01, whose
 * flow station F1 reports every 5 minutes (288 readings a day) and quality station W1 every hour.
 */
public final class TestRegistry {

    public static final String UPSTREAM = "390121";
    public static final String DOWNSTREAM = "390122";
    public static final String SECTION = "S01";
    public static final String FLOW_STATION = "F1";
    public static final String QUALITY_STATION = "W1";
    public static final long FLOW_INTERVAL_SECONDS = 300;

    private TestRegistry() {
    }

    public static List<RegistryItem> items() {
        return List.of(
                new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000"),
                new AdministrativeUnit("390000", "清江省", UnitKind.PROVINCE, null),
                new AdministrativeUnit(UPSTREAM, "清源县", UnitKind.COUNTY, "390100"),
                new AdministrativeUnit(DOWNSTREAM, "下游县", UnitKind.COUNTY, "390100"),
                flowStation(),
                new Station(QUALITY_STATION, StationKind.WATER, 29.74, 118.22, null, SECTION, "监测站",
                        StationProtocol.MQTT_JSON, 3600),
                new Section(SECTION, "清源出境断面", "清江", "QJ", SectionRole.CROSS_BOUNDARY, UPSTREAM, DOWNSTREAM,
                        WaterClass.III, null, QUALITY_STATION, FLOW_STATION));
    }

    public static Station flowStation() {
        return new Station(FLOW_STATION, StationKind.FLOW, 29.74, 118.22, null, SECTION, "水文站",
                StationProtocol.OPCUA, FLOW_INTERVAL_SECONDS);
    }

    public static RegistryUpdate update(RegistryItem item) {
        return new RegistryUpdate(item.key(), RegistryItemCodec.encode(item));
    }

    public static List<RegistryUpdate> updates() {
        return items().stream().map(TestRegistry::update).toList();
    }
}
