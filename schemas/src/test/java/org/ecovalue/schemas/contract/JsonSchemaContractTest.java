package org.ecovalue.schemas.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.ecovalue.schemas.alert.Severity;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Source;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema files under src/main/resources/schemas describe what the records really look
 * like on the wire: records serialized with the production mappers validate, known-bad documents
 * do not.
 */
class JsonSchemaContractTest {

    private static final String BASE = "https://ecovalue.example/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + file), CONFIG);
    }

    static Set<ValidationMessage> errors(String file, String json) throws Exception {
        return schema(file).validate(Json.mapper().readTree(json));
    }

    static Set<ValidationMessage> errors(String file, Object record) throws Exception {
        return schema(file).validate(Json.mapper().readTree(Json.mapper().writeValueAsBytes(record)));
    }

    static final String DESIGN_EXAMPLE = """
            { "station": "QH-S03", "ts": "2026-11-22T08:00:00+08:00", "seq": 1812,
              "readings": [ {"param": "nh3n", "value": 0.42, "unit": "mg/L", "flag": "N"},
                            {"param": "flow", "value": 35.2, "unit": "m3/s"} ] }""";

    @Test
    void theStationPayloadOfDesignIsValidAndIngestAcceptsIt() throws Exception {
        assertThat(errors("station-observation.schema.json", DESIGN_EXAMPLE)).isEmpty();
        assertThat(errors("station-observation.schema.json",
                "{\"station\":\"SW390121000001\",\"ts\":1763769600000,\"readings\":[{\"param\":\"do\",\"value\":7.5}]}")).isEmpty();
        ObservationCodec.decode(DESIGN_EXAMPLE.getBytes(UTF_8));
    }

    static Stream<Arguments> badStationPayloads() {
        return Stream.of(
                Arguments.of("no station", "{\"ts\":1,\"readings\":[{\"param\":\"do\",\"value\":1}]}"),
                Arguments.of("local time without offset",
                        "{\"station\":\"S\",\"ts\":\"2026-01-01T08:00:00\",\"readings\":[{\"param\":\"do\",\"value\":1}]}"),
                Arguments.of("empty readings", "{\"station\":\"S\",\"ts\":1,\"readings\":[]}"),
                Arguments.of("unknown parameter", "{\"station\":\"S\",\"ts\":1,\"readings\":[{\"param\":\"nh4n\",\"value\":1}]}"),
                Arguments.of("flag Z", "{\"station\":\"S\",\"ts\":1,\"readings\":[{\"param\":\"do\",\"value\":1,\"flag\":\"Z\"}]}"),
                Arguments.of("NaN as text", "{\"station\":\"S\",\"ts\":1,\"readings\":[{\"param\":\"do\",\"value\":\"NaN\"}]}"),
                Arguments.of("station id with a slash", "{\"station\":\"S/1\",\"ts\":1,\"readings\":[{\"param\":\"do\",\"value\":1}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStationPayloads")
    void badStationPayloadsAreInvalid(String what, String json) throws Exception {
        assertThat(errors("station-observation.schema.json", json)).isNotEmpty();
    }

    private static Observation ingested() throws InputRejectedException {
        return ObservationCodec.decode(DESIGN_EXAMPLE.getBytes(UTF_8))
                .withIngest(Source.MQTT_JSON.wire(), "ecovalue/v1/QH-S03/obs", 1763769600123L);
    }

    @Test
    void anIngestedObservationIsValidOnEcoObservationsButNotOnTheCleanTopic() throws Exception {
        String wire = new String(ObservationCodec.encode(ingested()), UTF_8);

        assertThat(errors("observation.schema.json", wire)).isEmpty();
        assertThat(errors("observation-clean.schema.json", wire)).isNotEmpty();
    }

    @Test
    void anObservationWithAVerdictPerReadingIsValidOnTheCleanTopic() throws Exception {
        Observation o = ingested();
        Observation clean = o.withReadings(List.of(o.readings().get(0).withQc("ok"), o.readings().get(1).withQc("spike")));

        assertThat(errors("observation-clean.schema.json", new String(ObservationCodec.encode(clean), UTF_8))).isEmpty();
    }

    @Test
    void anObservationWithoutIngestFieldsOrWithAnIsoTimestampIsNotAnEcoObservationsRecord() throws Exception {
        Observation raw = ObservationCodec.decode(DESIGN_EXAMPLE.getBytes(UTF_8));

        assertThat(errors("observation.schema.json", new String(ObservationCodec.encode(raw), UTF_8))).isNotEmpty();
        assertThat(errors("observation.schema.json", DESIGN_EXAMPLE)).isNotEmpty();
    }

    @Test
    void aDlqRecordIsValidAndABrokenOneIsNot() throws Exception {
        DlqRecord r = DlqRecord.of(new InputRejectedException(RejectReason.BAD_CRC, "CRC 1C81, computed 1C80"),
                Source.MQTT_HJ212, "ecovalue/v1/SW390121000001/hj212", 1763769600000L, "##0101QN=".getBytes(UTF_8));

        assertThat(errors("dlq-record.schema.json", r)).isEmpty();
        assertThat(errors("dlq-record.schema.json", "{\"reason\":\"bad-crc\",\"detail\":\"d\",\"source\":\"mqtt-json\","
                + "\"sourceRef\":\"t\",\"receivedAt\":1,\"payloadBase64\":\"@@@\"}")).isNotEmpty();
        assertThat(errors("dlq-record.schema.json", "{\"detail\":\"d\",\"source\":\"mqtt-json\","
                + "\"sourceRef\":\"t\",\"receivedAt\":1,\"payloadBase64\":\"\"}")).isNotEmpty();
    }

    @Test
    void everyRejectReasonCodeFitsTheDlqSchema() throws Exception {
        for (RejectReason reason : RejectReason.values()) {
            DlqRecord r = DlqRecord.of(new InputRejectedException(reason, "d"), Source.OPCUA, "ref", 0L, new byte[] {1});
            assertThat(errors("dlq-record.schema.json", r)).as(reason.code()).isEmpty();
        }
    }

    @Test
    void theParameterCodesOfTheSchemasAreThoseOfTheParameterEnum() throws Exception {
        JsonNode common = Json.mapper().readTree(getClass().getResourceAsStream("/schemas/common.schema.json"));
        List<String> inSchema = new ArrayList<>();
        common.at("/$defs/paramCode/enum").forEach(n -> inSchema.add(n.asText()));

        assertThat(inSchema).containsExactly(Stream.of(Parameter.values()).map(Parameter::code).toArray(String[]::new));
    }

    private static InventoryRecord inventory(InventoryStatus status, int revision) {
        return new InventoryRecord("390121", "岚山县", UnitKind.COUNTY, EcoProduct.WATER_CONSERVATION, "2026-04",
                status, revision, new Quantity(1_200_000, "m3"), null,
                new Valuation(new BigDecimal("8472000.00"), "gep-2010/water_conservation@2010-01-01"),
                "水源涵养", "岚山县人民政府", 0.93, List.of("MT390121000001"), 1777507200000L);
    }

    @Test
    void inventoryRecordsAreValidAndKnownBadOnesAreNot() throws Exception {
        assertThat(errors("inventory-record.schema.json", inventory(InventoryStatus.LIVE, 0))).isEmpty();
        assertThat(errors("inventory-record.schema.json", inventory(InventoryStatus.FINAL, 3))).isEmpty();

        String good = Json.mapper().writeValueAsString(inventory(InventoryStatus.LIVE, 0));
        assertThat(errors("inventory-record.schema.json", good.replace("\"revision\":0", "\"revision\":1"))).isNotEmpty();
        assertThat(errors("inventory-record.schema.json", good.replace("8472000.00", "8472000.001"))).isNotEmpty();
        assertThat(errors("inventory-record.schema.json", good.replace("\"county\"", "\"district\""))).isNotEmpty();
        assertThat(errors("inventory-record.schema.json", good.replace("\"completeness\":0.93", "\"completeness\":1.3")))
                .isNotEmpty();
    }

    @Test
    void anHourlyCleanAirRecordWithPrimaryPollutantsAndNegativeIonsIsValid() throws Exception {
        InventoryRecord air = new InventoryRecord("QX-G01", "QX-G01", UnitKind.GRID, EcoProduct.CLEAN_AIR,
                "2026-11-22T08", InventoryStatus.FINAL, 1, new Quantity(100, "%"), "一级", null, "regulating: air quality",
                "岚山县国有林场", 1.0, List.of("AQ390121000001"), 1777507200000L, List.of("pm25"), 2000.0);
        assertThat(errors("inventory-record.schema.json", air)).isEmpty();
        String json = Json.mapper().writeValueAsString(air);
        assertThat(json).contains("\"pollutants\":[\"pm25\"]", "\"negativeIons\":2000.0");
        assertThat(errors("inventory-record.schema.json", json.replace("2000.0", "-1"))).isNotEmpty();
        assertThat(errors("inventory-record.schema.json", json.replace("T08", "T24"))).isNotEmpty();
        assertThat(Json.mapper().readValue(json, InventoryRecord.class)).isEqualTo(air);
    }

    private static LedgerEntry ledgerEntry(LedgerStatus status, int revision) {
        LedgerInputs inputs = LedgerInputs.of(Map.of("codmn", 4.6, "nh3n", 0.62, "tp", 0.12), 25_920_000.0, 702,
                0.9435, WaterClass.III, null);
        return new LedgerEntry("QX-A01", "QX-S01", "2026-03", "flux", status, revision, "390121", "390122",
                new BigDecimal("596160.00"), inputs, "界牌 2026-03", 1775030400000L, 1775028600000L, null, null);
    }

    @Test
    void ledgerEntriesProvisionalAndSealedAreValid() throws Exception {
        LedgerEntry fin = LedgerHashChain.seal(ledgerEntry(LedgerStatus.FINAL, 0), LedgerHashChain.GENESIS);
        LedgerEntry correction = LedgerHashChain.seal(ledgerEntry(LedgerStatus.CORRECTION, 1), fin.hash());

        assertThat(errors("ledger-entry.schema.json", ledgerEntry(LedgerStatus.PROVISIONAL, 0))).isEmpty();
        assertThat(errors("ledger-entry.schema.json", fin)).isEmpty();
        assertThat(errors("ledger-entry.schema.json", correction)).isEmpty();
    }

    @Test
    void knownBadLedgerEntriesAreInvalid() throws Exception {
        String provisional = Json.mapper().writeValueAsString(ledgerEntry(LedgerStatus.PROVISIONAL, 0));
        String sealed = Json.mapper().writeValueAsString(
                LedgerHashChain.seal(ledgerEntry(LedgerStatus.FINAL, 0), LedgerHashChain.GENESIS));

        assertThat(errors("ledger-entry.schema.json", provisional.replace("\"watermark\"",
                "\"hash\":\"" + "a".repeat(64) + "\",\"watermark\""))).as("provisional with a hash").isNotEmpty();
        assertThat(errors("ledger-entry.schema.json", provisional.replace("596160.00", "596160.005"))).as("fractions of a fen")
                .isNotEmpty();
        assertThat(errors("ledger-entry.schema.json", provisional.replace("\"III\"", "\"VI\""))).as("class VI").isNotEmpty();
        assertThat(errors("ledger-entry.schema.json", provisional.replace("\"2026-03\"", "\"2026-03-01\""))).as("daily period")
                .isNotEmpty();
        assertThat(errors("ledger-entry.schema.json", sealed.replace("\"revision\":0", "\"revision\":1"))).as("FINAL revision 1")
                .isNotEmpty();
        assertThat(errors("ledger-entry.schema.json", sealed.replaceAll("\"prevHash\":\"[0-9a-f]+\",", "")))
                .as("hash without prevHash").isNotEmpty();
    }

    @Test
    void alertsAreValidAndKnownBadOnesAreNot() throws Exception {
        Alert exceedance = new Alert(AlertType.EXCEEDANCE, "SW390121000001", "QX-S01", "nh3n", 1.62, 0.5,
                1777507200000L, null, Severity.WARNING);
        Alert gap = new Alert(AlertType.DATA_GAP, "AQ390122000001", null, null, null, null, 1777507200000L,
                1777510800000L, Severity.INFO);

        assertThat(errors("alert.schema.json", exceedance)).isEmpty();
        assertThat(errors("alert.schema.json", gap)).isEmpty();
        assertThat(errors("alert.schema.json", "{\"type\":\"exceedance\",\"stationId\":\"S\",\"param\":\"nh3n\","
                + "\"value\":1.62,\"startedAt\":1,\"severity\":\"warning\"}")).as("no limit").isNotEmpty();
        assertThat(errors("alert.schema.json", "{\"type\":\"data-gap\",\"startedAt\":1,\"severity\":\"info\"}"))
                .as("neither station nor section").isNotEmpty();
        assertThat(errors("alert.schema.json", "{\"type\":\"flood\",\"stationId\":\"S\",\"startedAt\":1,\"severity\":\"info\"}"))
                .as("unknown type").isNotEmpty();
    }

    @Test
    void everyPublishedRegistryItemIsValid() throws Exception {
        Registry defaults = RegistryLoader.load(Path.of("..", "deploy", "config", "default.yaml"));
        Registry schemes = RegistryLoader.load(Path.of("src", "test", "resources", "registry", "all-schemes.yaml"));

        for (Registry r : List.of(defaults, schemes)) {
            for (RegistryItem item : r.items()) {
                String wire = new String(RegistryItemCodec.encode(item), UTF_8);
                assertThat(errors("registry-item.schema.json", wire)).as(item.key()).isEmpty();
            }
        }
    }

    @Test
    void knownBadRegistryItemsAreInvalid() throws Exception {
        assertThat(errors("registry-item.schema.json", "{\"kind\":\"planet\",\"item\":{\"id\":\"x\",\"name\":\"x\"}}"))
                .as("unknown kind").isNotEmpty();
        assertThat(errors("registry-item.schema.json", "{\"kind\":\"station\",\"item\":{\"id\":\"S\",\"kind\":\"water\","
                + "\"lat\":120,\"lon\":118,\"operator\":\"o\",\"protocol\":\"opcua\",\"reportingIntervalSeconds\":60}}"))
                .as("latitude 120").isNotEmpty();
        assertThat(errors("registry-item.schema.json", "{\"kind\":\"section\",\"item\":{\"id\":\"S\",\"name\":\"n\","
                + "\"river\":\"r\",\"basin\":\"b\",\"role\":\"control\",\"upstreamUnit\":\"390121\",\"targetClass\":\"劣V\","
                + "\"qualityStation\":\"SW\"}}")).as("target class 劣V").isNotEmpty();
        assertThat(errors("registry-item.schema.json", "{\"kind\":\"agreement\",\"item\":{\"id\":\"A\",\"name\":\"n\","
                + "\"section\":\"S\",\"upstreamParty\":\"390121\",\"downstreamParty\":\"390122\",\"scheme\":{\"name\":\"fluxx\","
                + "\"factors\":[]},\"period\":\"month\",\"effectiveFrom\":\"2026-01-01\",\"minCompleteness\":0.75}}"))
                .as("unknown scheme").isNotEmpty();
        assertThat(errors("registry-item.schema.json", "{\"kind\":\"agreement\",\"item\":{\"id\":\"A\",\"name\":\"n\","
                + "\"section\":\"S\",\"upstreamParty\":\"390121\",\"downstreamParty\":\"390122\",\"scheme\":{\"name\":\"p-index\","
                + "\"threshold\":1,\"amountCny\":1,\"factors\":[{\"param\":\"codmn\",\"weight\":1,\"baselineMgL\":3}]},"
                + "\"period\":\"month\",\"effectiveFrom\":\"2026-01-01\",\"minCompleteness\":0.75}}"))
                .as("p-index without k0").isNotEmpty();
    }
}
