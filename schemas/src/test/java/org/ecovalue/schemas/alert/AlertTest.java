package org.ecovalue.schemas.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;

class AlertTest {

    /** NH3-N 1.62 mg/L at 界牌, above the class II limit of 0.5 mg/L (GB 3838-2002 Table 1). */
    static Alert nh3nExceedance() {
        return new Alert(AlertType.EXCEEDANCE, "SW390121000001", "QX-S01", "nh3n", 1.62, 0.5,
                1777507200000L, null, Severity.WARNING);
    }

    @Test
    void anOpenExceedanceOnTheWireHasNoEnd() throws Exception {
        String json = Json.mapper().writeValueAsString(nh3nExceedance());

        assertThat(json).isEqualTo("{\"type\":\"exceedance\",\"stationId\":\"SW390121000001\",\"sectionId\":\"QX-S01\","
                + "\"param\":\"nh3n\",\"value\":1.62,\"limit\":0.5,\"startedAt\":1777507200000,\"severity\":\"warning\"}");
    }

    @Test
    void closingAnEpisodeKeepsItsStartAndReadsBackEqual() throws Exception {
        Alert closed = nh3nExceedance().endedAt(1777514400000L);

        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.startedAt()).isEqualTo(1777507200000L);
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsBytes(closed), Alert.class)).isEqualTo(closed);
    }

    @Test
    void theKeyIsTheSectionWhenThereIsOneElseTheStation() {
        assertThat(nh3nExceedance().key()).isEqualTo("QX-S01");
        Alert gap = new Alert(AlertType.DATA_GAP, "AQ390122000001", null, null, null, null, 0L, null, Severity.INFO);
        assertThat(gap.key()).isEqualTo("AQ390122000001");
    }

    @Test
    void anExceedanceNamesItsParameterValueAndLimit() {
        assertThatThrownBy(() -> new Alert(AlertType.EXCEEDANCE, "S", null, "nh3n", 1.62, null, 0L, null, Severity.WARNING))
                .hasMessage("limit: is required");
        assertThatThrownBy(() -> new Alert(AlertType.DATA_GAP, null, null, null, null, null, 0L, null, Severity.INFO))
                .hasMessageStartingWith("stationId: an alert is about a station or a section");
        assertThatThrownBy(() -> nh3nExceedance().endedAt(1L))
                .hasMessage("endedAt: 1 is before startedAt 1777507200000");
    }
}
