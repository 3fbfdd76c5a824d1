package org.ecovalue.jobs.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;

/**
 * {@code eco.inventory} figures → the {@code service-value-share} agreements they count for (registry
 * broadcast): a daily figure with a value (a deficit day counts ¥0.00), of a product the scheme names, held by the agreement's
 * upstream party or by one of its grid cells, on a day the agreement is in force. Inventory figures
 * come from the registry's own stations, so the registry is there before them: nothing waits.
 */
public class InventoryValueRouting extends BroadcastProcessFunction<InventoryRecord, RegistryUpdate, ServiceValueReading> {

    private static final long serialVersionUID = 1L;

    private transient RegistryState registry;
    private transient Counter badRegistryItems;
    private transient Counter routed;

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("serviceValueBadRegistryItems");
        routed = getRuntimeContext().getMetricGroup().counter("serviceValueFiguresRouted");
    }

    @Override
    public void processElement(InventoryRecord r, ReadOnlyContext ctx, Collector<ServiceValueReading> out)
            throws Exception {
        // a negative quantity (a dry day's water deficit) has no value: the unit provided nothing that
        // day, ¥0.00 — not a missing day; no value otherwise means no price, and the product is missing
        boolean deficit = r.value() == null && r.quantity().value() < 0;
        if ((r.value() == null && !deficit) || PeriodKind.ofLabel(r.period()) != PeriodKind.DAY) {
            return;
        }
        BigDecimal valueCny = deficit ? BigDecimal.ZERO.setScale(Cny.SCALE) : r.value().cny();
        Registry reg = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        String holderUnit = r.unitKind() == UnitKind.GRID
                ? reg.gridCell(r.unitId()).map(GridCell::unit).orElse(null) : r.unitId();
        if (holderUnit == null) {
            return;
        }
        LocalDate day = LocalDate.parse(r.period());
        for (Agreement a : reg.agreements()) {
            if (a.scheme() instanceof ServiceValueShareScheme s && a.upstreamParty().equals(holderUnit)
                    && s.products().contains(r.product()) && a.inForceOn(day)) {
                routed.inc();
                out.collect(new ServiceValueReading(a.id(), r.unitId(), r.product().code(), r.period(),
                        r.status() == InventoryStatus.FINAL ? r.revision() : ServiceValueReading.LIVE,
                        valueCny, r.completeness()));
            }
        }
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<ServiceValueReading> out)
            throws Exception {
        if (LedgerRegistry.apply(update, ctx.getBroadcastState(RegistryState.DESCRIPTOR), badRegistryItems)) {
            registry.changed();
        }
    }
}
