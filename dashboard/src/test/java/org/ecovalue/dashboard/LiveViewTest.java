package org.ecovalue.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.dashboard.live.AgreementView;
import org.ecovalue.dashboard.live.InventoryView;
import org.ecovalue.dashboard.live.LiveView;
import org.ecovalue.dashboard.live.SectionView;
import org.ecovalue.dashboard.live.Update;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    private final List<Update> updates = new ArrayList<>();
    private LiveView view;

    @BeforeEach
    void setUp() throws Exception {
        view = new LiveView(Basin.registry(), 10, 5, updates::add);
    }

    private SectionView section(String id) {
        return view.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_class_IV_at_the_quality_station_of_shuangjiangkou_makes_the_section_IV_and_misses_its_target_III() {
        view.applyStationClass(Basin.SHUANGJIANGKOU_STATION, 1000, WaterClass.IV);

        SectionView s = section("QX-S02");
        assertThat(s.currentClass()).isEqualTo("IV");
        assertThat(s.classNumber()).isEqualTo(4);
        assertThat(s.meetsTarget()).isFalse();
        assertThat(s.upstreamName()).isEqualTo("溪口县");
        assertThat(s.downstreamName()).isEqualTo("清浦县");
        assertThat(updates).extracting(Update::id).containsExactly("section|QX-S02");
    }

    @Test
    void a_class_II_meets_target_III_and_an_older_class_arriving_late_does_not_repaint_the_section() {
        view.applyStationClass(Basin.SHUANGJIANGKOU_STATION, 2000, WaterClass.II);
        view.applyStationClass(Basin.SHUANGJIANGKOU_STATION, 1000, WaterClass.V);

        assertThat(section("QX-S02").currentClass()).isEqualTo("II");
        assertThat(section("QX-S02").meetsTarget()).isTrue();
        assertThat(updates).hasSize(1);
    }

    @Test
    void a_station_outside_every_section_changes_nothing() {
        view.applyStationClass("AQ390121000001", 1000, WaterClass.I);

        assertThat(view.sections()).allSatisfy(s -> assertThat(s.currentClass()).isNull());
        assertThat(updates).isEmpty();
    }

    @Test
    void the_running_figure_is_the_latest_provisional_entry_and_the_target_line_is_the_class_III_nh3n_limit() {
        view.applyLedger(Basin.provisional("500000.00", 1.2, 1000));
        view.applyLedger(Basin.provisional("500000.00", 1.3, 2000));

        AgreementView a = view.agreement("QX-A02").orElseThrow();
        assertThat(a.running().amountCny()).isEqualByComparingTo("500000.00");
        assertThat(a.upstreamName()).isEqualTo("溪口县");
        // GB 3838-2002 表1 row 7: NH3-N, class III ≤ 1.0 mg/L
        assertThat(a.targetLimitsMgL()).containsEntry("nh3n", 1.0);
        assertThat(a.factorTrend().get("nh3n")).extracting(p -> p.v()).containsExactly(1.2, 1.3);
        // the running period's class reaches the section too
        assertThat(section("QX-S02").currentClass()).isEqualTo("IV");
    }

    @Test
    void a_sealed_final_entry_is_verified_and_one_altered_after_sealing_is_not() {
        LedgerEntry october = LedgerHashChain.seal(Basin.finalOctober("500000.00"), LedgerHashChain.GENESIS);
        view.applyLedger(october);
        assertThat(view.agreement("QX-A02").orElseThrow().settled()).singleElement()
                .satisfies(l -> assertThat(l.verified()).isTrue());

        // a correction sealed after it, then "touched up" to ¥1.00 keeping its hash: the chain must say so
        LedgerEntry correction = LedgerHashChain.seal(new LedgerEntry("QX-A02", "QX-S02", "2026-10", "class-step",
                LedgerStatus.CORRECTION, 1, october.payer(), october.payee(), new BigDecimal("1000000.00"),
                october.inputs(), "late data: class V", october.computedAt() + 1, october.watermark(), null, null),
                october.hash());
        view.applyLedger(new LedgerEntry("QX-A02", "QX-S02", "2026-10", "class-step", LedgerStatus.CORRECTION, 1,
                correction.payer(), correction.payee(), new BigDecimal("1.00"), correction.inputs(),
                correction.explanation(), correction.computedAt(), correction.watermark(), correction.prevHash(),
                correction.hash()));

        AgreementView a = view.agreement("QX-A02").orElseThrow();
        assertThat(a.chainIntact()).isFalse();
        assertThat(a.settled()).extracting(l -> l.entry().revision(), l -> l.verified())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(0, true));
    }

    @Test
    void the_settled_final_ends_the_running_figure_of_its_period() {
        view.applyLedger(Basin.provisional("500000.00", 1.2, 1000));
        LedgerEntry november = Basin.provisional("500000.00", 1.2, 1000);
        LedgerEntry sealed = LedgerHashChain.seal(new LedgerEntry(november.agreementId(), november.sectionId(),
                november.period(), november.scheme(), org.ecovalue.schemas.ledger.LedgerStatus.FINAL, 0, november.payer(),
                november.payee(), november.amountCny(), november.inputs(), november.explanation(), 3000, 3000, null, null),
                LedgerHashChain.GENESIS);
        view.applyLedger(sealed);

        assertThat(view.agreement("QX-A02").orElseThrow().running()).isNull();
        assertThat(view.compensation("QX-A02", "2026-11")).containsExactly(sealed);
    }

    @Test
    void only_the_most_recent_alerts_are_kept_and_a_closing_record_replaces_its_episode() {
        for (int i = 0; i < 12; i++) {
            view.applyAlert(new org.ecovalue.schemas.alert.Alert(org.ecovalue.schemas.alert.AlertType.DATA_GAP,
                    "SW390121000001", "QX-S01", null, null, null, 1000L * i, null, org.ecovalue.schemas.alert.Severity.WARNING));
        }
        view.applyAlert(new org.ecovalue.schemas.alert.Alert(org.ecovalue.schemas.alert.AlertType.DATA_GAP,
                "SW390121000001", "QX-S01", null, null, null, 11_000L, 12_000L, org.ecovalue.schemas.alert.Severity.WARNING));

        assertThat(view.alerts()).hasSize(10);
        assertThat(view.alerts().get(0).endedAt()).isEqualTo(12_000L);
        assertThat(view.alerts()).extracting(a -> a.startedAt()).doesNotContain(0L, 1000L);
    }

    @Test
    void day_and_month_figures_show_under_their_own_keys_and_an_hourly_figure_not_at_all() {
        InventoryRecord day = Basin.waterConservation("390121", 1.25e6, "8825000.00", 7000);
        InventoryRecord month = new InventoryRecord(day.unitId(), day.unitName(), day.unitKind(), day.product(),
                "2026-11", day.status(), 0, new Quantity(3.1e7, "m3"), null, day.value(), day.function(),
                day.rightsHolder(), day.completeness(), day.stations(), 8000);
        InventoryRecord hour = new InventoryRecord(day.unitId(), day.unitName(), day.unitKind(), day.product(),
                "2026-11-21T08", day.status(), 0, new Quantity(5.0e4, "m3"), null, day.value(), day.function(),
                day.rightsHolder(), day.completeness(), day.stations(), 9000);

        view.applyInventory(day);
        view.applyInventory(month);
        view.applyInventory(hour);

        assertThat(view.inventory("390121", "water_conservation")).extracting(InventoryView::key, v -> v.latest().period())
                .containsExactlyInAnyOrder(tuple("390121/water_conservation", "2026-11-21"),
                        tuple("390121/water_conservation/month", "2026-11"));
    }
}
