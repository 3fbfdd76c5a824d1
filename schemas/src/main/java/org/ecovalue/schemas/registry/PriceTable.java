package org.ecovalue.schemas.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Unit prices that turn inventory quantities into values (GEP pricing, REFERENCE.md §5.3). */
public record PriceTable(String id, String name, List<PriceItem> items) implements RegistryItem {

    public PriceTable {
        FieldCheck.id(id, "id");
        FieldCheck.text(name, "name");
        FieldCheck.present(items, "items");
        if (items.isEmpty()) {
            throw new InvalidFieldException("items", "a price table needs at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            FieldCheck.present(items.get(i), "items[" + i + "]");
            for (int j = 0; j < i; j++) {
                if (items.get(i).sameSlotAs(items.get(j))) {
                    throw new InvalidFieldException("items[" + i + "]", "same product, component and validFrom as items["
                            + j + "]");
                }
            }
        }
        items = List.copyOf(items);
    }

    /** The price of a product (and component, or null) in force on {@code date}: the latest item valid from then. */
    public Optional<Price> priceOn(EcoProduct product, String component, LocalDate date) {
        return items.stream()
                .filter(i -> i.product() == product && Objects.equals(i.component(), component))
                .filter(i -> !i.validFrom().isAfter(date))
                .max(Comparator.comparing(PriceItem::validFrom))
                .map(i -> new Price(priceRef(i), i.priceCny(), i.unit(), i.source()));
    }

    private String priceRef(PriceItem i) {
        return id + "/" + i.product().code() + (i.component() == null ? "" : "." + i.component()) + "@" + i.validFrom();
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.PRICE_TABLE;
    }
}
