package org.ecovalue.dashboard.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.standards.water.Gb3838Table1;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterItem;

/**
 * What the dashboard knows now, built from the topics it consumes and the registry: the latest
 * class per section, each agreement's ledger, the latest inventory figure per unit and product,
 * recent alerts. Every change is handed to the listener as an {@link Update}. Thread-safe.
 */
public final class LiveView {

    private final Registry registry;
    private final int alertsKept;
    private final int trendPoints;
    private final Consumer<Update> listener;
    private final Map<String, SectionClass> sectionClass = new HashMap<>();
    private final Map<String, AgreementLedger> ledgers = new TreeMap<>();
    private final Map<String, InventoryRecord> inventory = new TreeMap<>();
    private final Map<String, Deque<TrendPoint>> inventoryTrend = new HashMap<>();
    private final LinkedHashMap<String, Alert> alerts = new LinkedHashMap<>();

    private record SectionClass(WaterClass waterClass, long at, String source) {
    }

    public LiveView(Registry registry, int alertsKept, int trendPoints, Consumer<Update> listener) {
        this.registry = registry;
        this.alertsKept = alertsKept;
        this.trendPoints = trendPoints;
        this.listener = listener;
    }

    public Registry registry() {
        return registry;
    }

    /**
     * The real-time class of a station; it becomes its section's class when newer than what is known.
     * The station is the section's quality station, or one the registry places on the section.
     */
    public void applyStationClass(String stationId, long at, WaterClass waterClass) {
        Optional<Section> section = registry.sections().stream()
                .filter(s -> stationId.equals(s.qualityStation())).findFirst()
                .or(() -> registry.sectionOfStation(stationId))
                // the walking skeleton's simulator names its stations after their sections (QX-S01 …)
                .or(() -> registry.section(stationId));
        section.ifPresent(s -> applySectionClass(s.id(), at, waterClass, "station-class"));
    }

    private void applySectionClass(String sectionId, long at, WaterClass waterClass, String source) {
        SectionView view;
        synchronized (this) {
            SectionClass before = sectionClass.get(sectionId);
            if (before != null && before.at() > at) {
                return; // an older class arriving late does not repaint the map
            }
            sectionClass.put(sectionId, new SectionClass(waterClass, at, source));
            view = sectionView(sectionId);
        }
        if (view != null) {
            listener.accept(new Update("section", sectionId, view));
        }
    }

    public void applyLedger(LedgerEntry e) {
        AgreementView view;
        synchronized (this) {
            ledgers.computeIfAbsent(e.agreementId(), id -> new AgreementLedger(trendPoints)).add(e);
            view = agreementView(e.agreementId());
        }
        listener.accept(new Update("agreement", e.agreementId(), view));
        if (e.sectionId() != null && e.inputs().waterClass() != null && !e.status().isChained()) {
            applySectionClass(e.sectionId(), e.watermark(), e.inputs().waterClass(), "ledger");
        }
    }

    /**
     * Day and month figures are shown (each under its own key, {@link InventoryRecord#key()}); hourly
     * figures are not: they would change the page every hour for every unit, and their history is in
     * InfluxDB ({@code /api/history/inventory}).
     */
    public void applyInventory(InventoryRecord r) {
        if (PeriodKind.ofLabel(r.period()) == PeriodKind.HOUR) {
            return;
        }
        InventoryView view;
        synchronized (this) {
            inventory.put(r.key(), r);
            Deque<TrendPoint> trend = inventoryTrend.computeIfAbsent(r.key(), k -> new ArrayDeque<>());
            trend.addLast(new TrendPoint(r.updatedAt(), r.quantity().value()));
            while (trend.size() > trendPoints) {
                trend.removeFirst();
            }
            view = inventoryView(r.key());
        }
        listener.accept(new Update("inventory", r.key(), view));
    }

    public void applyAlert(Alert a) {
        String id = a.type().code() + "|" + a.key() + "|" + (a.param() == null ? "" : a.param()) + "|" + a.startedAt();
        synchronized (this) {
            alerts.remove(id); // re-insert: the closing record moves the episode to the newest end
            alerts.put(id, a);
            while (alerts.size() > alertsKept) {
                alerts.remove(alerts.keySet().iterator().next());
            }
        }
        listener.accept(new Update("alert", id, a));
    }

    public synchronized List<SectionView> sections() {
        return registry.sections().stream().map(s -> sectionView(s.id())).toList();
    }

    public synchronized List<AgreementView> agreements() {
        return registry.agreements().stream().map(a -> agreementView(a.id())).toList();
    }

    public synchronized Optional<AgreementView> agreement(String id) {
        return Optional.ofNullable(agreementView(id));
    }

    /** Every entry of an agreement (settled and the running one), optionally for one period. */
    public synchronized List<LedgerEntry> compensation(String agreementId, String period) {
        List<LedgerEntry> out = new ArrayList<>();
        ledgers.forEach((id, ledger) -> {
            if (agreementId != null && !agreementId.equals(id)) {
                return;
            }
            if (ledger.running() != null) {
                out.add(ledger.running());
            }
            ledger.settled().forEach(l -> out.add(l.entry()));
        });
        return out.stream().filter(e -> period == null || period.equals(e.period())).toList();
    }

    public synchronized List<InventoryView> inventory(String unitId, String product) {
        return inventory.values().stream()
                .filter(r -> unitId == null || unitId.equals(r.unitId()))
                .filter(r -> product == null || product.equals(r.product().code()))
                .map(r -> inventoryView(r.key())).toList();
    }

    /** Recent alert episodes, newest first. */
    public synchronized List<Alert> alerts() {
        List<Alert> list = new ArrayList<>(alerts.values());
        java.util.Collections.reverse(list);
        return list;
    }

    private SectionView sectionView(String id) {
        Section s = registry.section(id).orElse(null);
        if (s == null) {
            return null;
        }
        SectionClass c = sectionClass.get(id);
        WaterClass now = c == null ? null : c.waterClass();
        return new SectionView(s.id(), s.name(), s.river(), s.basin(), s.role().code(),
                s.upstreamUnit(), unitName(s.upstreamUnit()), s.downstreamUnit(), unitName(s.downstreamUnit()),
                s.targetClass().label(),
                now == null ? null : now.label(), now == null ? null : now.number(),
                now == null ? null : !now.isWorseThan(s.targetClass()),
                c == null ? null : c.at(), c == null ? null : c.source());
    }

    private AgreementView agreementView(String id) {
        Agreement a = registry.agreement(id).orElse(null);
        AgreementLedger ledger = ledgers.get(id);
        if (a == null && ledger == null) {
            return null;
        }
        LedgerEntry any = ledger == null ? null
                : ledger.running() != null ? ledger.running()
                : ledger.settled().isEmpty() ? null : ledger.settled().get(0).entry();
        String sectionId = a != null ? a.section() : any == null ? null : any.sectionId();
        Section section = sectionId == null ? null : registry.section(sectionId).orElse(null);
        String up = a != null ? a.upstreamParty() : any == null ? null : any.payer();
        String down = a != null ? a.downstreamParty() : any == null ? null : any.payee();
        return new AgreementView(id, a != null ? a.name() : id, sectionId, section == null ? null : section.name(),
                a != null ? a.scheme().schemeName() : any == null ? null : any.scheme(),
                up, unitName(up), down, unitName(down),
                section == null ? null : section.targetClass().label(),
                a != null ? a.minCompleteness() : 0,
                ledger == null ? null : ledger.running(),
                ledger == null ? List.of() : ledger.settled(),
                ledger == null || ledger.verification().intact(),
                ledger == null || ledger.verification().intact() ? null : ledger.verification().firstBreak().problem(),
                ledger == null ? Map.of() : ledger.factorTrend(),
                section == null || ledger == null ? Map.of() : targetLimits(section, ledger.factorTrend().keySet()));
    }

    /** The limit of the section's target class for each factor, GB 3838-2002 表1 (for DO: the lower bound). */
    private static Map<String, Double> targetLimits(Section section, Iterable<String> params) {
        Map<String, Double> limits = new TreeMap<>();
        WaterBody body = section.waterbody() == null ? WaterBody.RIVER : section.waterbody();
        for (String p : params) {
            WaterItem.fromCode(p).ifPresent(item -> {
                try {
                    Gb3838Table1.limits(item, body).limitOf(section.targetClass()).ifPresent(l -> limits.put(p, l));
                } catch (RuntimeException notGraded) {
                    // e.g. water temperature: GB 3838 gives no class limit
                }
            });
        }
        return limits;
    }

    private InventoryView inventoryView(String key) {
        InventoryRecord r = inventory.get(key);
        return r == null ? null : new InventoryView(key, r, List.copyOf(inventoryTrend.getOrDefault(key, new ArrayDeque<>())));
    }

    private String unitName(String unitId) {
        return unitId == null ? null : registry.unit(unitId).map(AdministrativeUnit::name).orElse(unitId);
    }
}
