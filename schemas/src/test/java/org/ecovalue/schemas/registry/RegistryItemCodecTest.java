package org.ecovalue.schemas.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;

class RegistryItemCodecTest {

    private static final Path ALL_SCHEMES = Path.of("src", "test", "resources", "registry", "all-schemes.yaml");

    private static Registry roundTrip(Registry r) throws InputRejectedException {
        List<RegistryItem> back = new ArrayList<>();
        for (RegistryItem item : r.items()) {
            back.add(RegistryItemCodec.decode(RegistryItemCodec.encode(item)));
        }
        return Registry.of(back);
    }

    @Test
    void theDefaultRegistryRebuiltFromItsPublishedItemsIsTheSame() throws Exception {
        Registry r = RegistryLoader.load(DefaultScenarioTest.DEFAULT_YAML);

        assertThat(roundTrip(r)).isEqualTo(r);
        assertThat(roundTrip(r).items()).isEqualTo(r.items());
    }

    @Test
    void rightsHoldersAndRunoffCoefficientsSurviveTheWire() throws Exception {
        Registry r = RegistryLoader.load(Path.of("src", "test", "resources", "registry", "rights-and-runoff.yaml"));

        assertThat(roundTrip(r)).isEqualTo(r);
        assertThat(roundTrip(r).rightsHolderOf("G1")).contains("上游县国有林场");
    }

    @Test
    void everySchemeSurvivesTheWire() throws Exception {
        Registry r = RegistryLoader.load(ALL_SCHEMES);

        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void anItemTravelsWithItsKindAndTheFieldsOfTheYaml() throws Exception {
        Registry r = RegistryLoader.load(DefaultScenarioTest.DEFAULT_YAML);
        Section s = r.section("QX-S03").orElseThrow();

        String json = new String(RegistryItemCodec.encode(s), UTF_8);

        assertThat(s.key()).isEqualTo("section/QX-S03");
        assertThat(json).isEqualTo("{\"kind\":\"section\",\"item\":{\"id\":\"QX-S03\",\"name\":\"清溪河口\",\"river\":\"清溪河\","
                + "\"basin\":\"qingxi\",\"role\":\"control\",\"upstreamUnit\":\"390123\",\"targetClass\":\"III\","
                + "\"waterbody\":\"river\",\"qualityStation\":\"SW390123000001\"}}");
    }

    @Test
    void moneyAndPricesKeepTheirDecimalsOnTheWire() throws Exception {
        Registry r = RegistryLoader.load(DefaultScenarioTest.DEFAULT_YAML);

        String agreement = new String(RegistryItemCodec.encode(r.agreement("QX-A02").orElseThrow()), UTF_8);
        String prices = new String(RegistryItemCodec.encode(r.priceTable("gep-2010").orElseThrow()), UTF_8);

        assertThat(agreement).contains("\"scheme\":{\"name\":\"class-step\",\"baselineClass\":\"III\","
                + "\"amountPerClassCny\":500000.00,\"maxAmountCny\":1000000.00}");
        assertThat(agreement).contains("\"payerShares\":{\"390123\":0.6,\"390100\":0.4}");
        assertThat(prices).contains("\"priceCny\":6.1107");
    }

    @Test
    void anUpdateReplacesTheItemAndATombstoneRemovesIt() throws Exception {
        Registry r = RegistryLoader.load(DefaultScenarioTest.DEFAULT_YAML);
        Station s = r.station("AQ390121000001").orElseThrow();
        Station moved = new Station(s.id(), s.kind(), s.lat(), s.lon(), "QX-G02", null, s.operator(), s.protocol(), 1800);

        Registry updated = r.with(moved);
        assertThat(updated.station(s.id())).contains(moved);
        assertThat(updated.size()).isEqualTo(r.size());

        Registry removed = updated.without("station/AQ390121000001");
        assertThat(removed.station(s.id())).isEmpty();
        assertThat(removed.size()).isEqualTo(r.size() - 1);
    }

    @Test
    void aBadValueIsRejectedWithItsReasonAndTheFieldNamed() {
        assertThatThrownBy(() -> RegistryItemCodec.decode("{\"kind\":\"planet\",\"item\":{}}".getBytes(UTF_8)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("unknown registry kind 'planet'");
        assertThatThrownBy(() -> RegistryItemCodec.decode(
                "{\"kind\":\"grid-cell\",\"item\":{\"id\":\"G\",\"unit\":\"390121\",\"areaKm2\":0,\"landCover\":\"forest\"}}"
                        .getBytes(UTF_8)))
                .isInstanceOf(InputRejectedException.class)
                .satisfies(e -> assertThat(((InputRejectedException) e).reason()).isEqualTo(RejectReason.BAD_REGISTRY_ITEM))
                .hasMessage("bad-registry-item: grid-cell: areaKm2: must be positive, got 0.0");
        assertThatThrownBy(() -> RegistryItemCodec.decode("[]".getBytes(UTF_8)))
                .hasMessageContaining("expected {\"kind\"");
    }

    @Test
    void keysParseBackToKindAndId() {
        RegistryKey k = RegistryKey.parse("grid-cell/QX-G01");

        assertThat(k.kind()).isEqualTo(RegistryKind.GRID_CELL);
        assertThat(k.id()).isEqualTo("QX-G01");
        assertThat(k).hasToString("grid-cell/QX-G01");
        assertThatThrownBy(() -> RegistryKey.parse("QX-G01")).isInstanceOf(IllegalArgumentException.class);
    }
}
