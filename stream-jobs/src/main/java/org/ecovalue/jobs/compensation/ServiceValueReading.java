package org.ecovalue.jobs.compensation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One day's inventory value of a product held by the upstream unit of a {@code service-value-share}
 * agreement (or by one of its grid cells), routed to that agreement (flat fields: a Flink POJO).
 *
 * @param agreementId the agreement it counts for (the key of {@link ServiceValueLedger})
 * @param holderId    the unit or grid cell whose inventory figure it is
 * @param product     product code ({@code EcoProduct})
 * @param day         the figure's day, ISO (yyyy-MM-dd)
 * @param revision    the inventory figure's revision; -1 for a LIVE figure (FINAL figures count from 1)
 * @param valueCny    its value, yuan at scale 2
 * @param completeness the inventory figure's completeness (0..1)
 */
public record ServiceValueReading(String agreementId, String holderId, String product, String day, int revision,
                                  BigDecimal valueCny, double completeness) {

    public static final int LIVE = -1;

    public ServiceValueReading {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(valueCny, "valueCny");
    }
}
