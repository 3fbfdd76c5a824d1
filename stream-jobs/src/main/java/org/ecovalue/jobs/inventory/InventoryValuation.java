package org.ecovalue.jobs.inventory;

import java.math.BigDecimal;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Price;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.reject.InputRejectedException;

/**
 * Gives inventory records their rights holder (the unit's or grid cell's, else the nearest unit above
 * that names one: {@link Registry#rightsHolderOf}) and, where they have no value, one from the registry's
 * price tables (registry broadcast, so a new price or holder applies without a restart): quantity × the price in force on the period's first day,
 * from the first price table (by id) that prices the product in the quantity's unit. A negative
 * quantity gets no value (a value is never negative).
 *
 * <p>{@code water_resource} is priced as {@value #WATER_RESOURCE_COMPONENT} water: the volume leaving a
 * unit is raw river water whose use is not known, and the price tables price water only by use
 * (REFERENCE.md §5.3: domestic 2.6, industrial 3.6, agricultural 0.07 CNY/m³); the cheapest use is the
 * floor of what the water is worth, so the figure is conservative.
 */
public class InventoryValuation extends BroadcastProcessFunction<InventoryRecord, RegistryUpdate, InventoryRecord> {

    private static final long serialVersionUID = 1L;

    public static final String WATER_RESOURCE_COMPONENT = "agricultural";

    private transient RegistryState registry;
    private transient Counter valued;

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        valued = getRuntimeContext().getMetricGroup().counter("valuedInventoryRecords");
    }

    @Override
    public void processElement(InventoryRecord r, ReadOnlyContext ctx, Collector<InventoryRecord> out)
            throws Exception {
        Registry reg = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        Valuation value = r.value();
        if (value == null) {
            value = valueOf(reg, r).orElse(null);
            if (value != null) {
                valued.inc();
            }
        }
        String rightsHolder = r.rightsHolder() != null ? r.rightsHolder() : reg.rightsHolderOf(r.unitId()).orElse(null);
        if (value == r.value() && rightsHolder == null) {
            out.collect(r);
            return;
        }
        out.collect(r.withValueAndRightsHolder(value, rightsHolder));
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<InventoryRecord> out)
            throws Exception {
        if (update.isRemoval()) {
            ctx.getBroadcastState(RegistryState.DESCRIPTOR).remove(update.key());
        } else {
            try {
                RegistryItemCodec.decode(update.value());
            } catch (InputRejectedException e) {
                return; // logged and counted by StationSiting, which sees the same item
            }
            ctx.getBroadcastState(RegistryState.DESCRIPTOR).put(update.key(), update.value());
        }
        registry.changed();
    }

    static Optional<Valuation> valueOf(Registry registry, InventoryRecord r) {
        if (r.quantity().value() < 0) {
            return Optional.empty();
        }
        String component = r.product() == EcoProduct.WATER_RESOURCE ? WATER_RESOURCE_COMPONENT : null;
        java.time.LocalDate day = PeriodKind.ofLabel(r.period()).firstDay(r.period());
        Optional<Price> price = registry.priceTables().stream()
                .map(t -> t.priceOn(r.product(), component, day))
                .flatMap(Optional::stream)
                .filter(p -> p.unit().equals(r.quantity().unit()))
                .findFirst();
        return price.map(p -> new Valuation(p.valueOf(BigDecimal.valueOf(r.quantity().value())), p.priceRef()));
    }
}
