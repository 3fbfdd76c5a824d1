package org.ecovalue.schemas.compensation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What a period holds of one factor, as exact decimal sums (so that sums do not depend on the order
 * hours arrive or partial sums merge: the Flink job and the simulator get the same figure to the fen):
 * <ul>
 *   <li>{@code validHours}, {@code sumMgL}: the hours with a valid mean concentration and Σ C_h;</li>
 *   <li>{@code pairedHours}, {@code loadG}, {@code pairedVolumeM3}: the hours that also have a volume,
 *       Σ C_h·V_h [mg/L × m³ = g/m³ × m³ = g] and Σ V_h [m³] over them.</li>
 * </ul>
 */
public record FactorTotals(int validHours, BigDecimal sumMgL, int pairedHours, BigDecimal loadG,
        BigDecimal pairedVolumeM3) implements Serializable {

    /** Divisions (means) to 16 significant digits. */
    static final MathContext MEANS = MathContext.DECIMAL64;

    public static final FactorTotals NONE = new FactorTotals(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    public FactorTotals {
        Objects.requireNonNull(sumMgL, "sumMgL");
        Objects.requireNonNull(loadG, "loadG");
        Objects.requireNonNull(pairedVolumeM3, "pairedVolumeM3");
        if (validHours < 0 || pairedHours < 0 || pairedHours > validHours) {
            throw new IllegalArgumentException("hours: valid " + validHours + ", paired " + pairedHours);
        }
    }

    /** Time-weighted (arithmetic) mean of the hourly means, mg/L; empty without a valid hour. */
    public Optional<BigDecimal> meanMgL() {
        return validHours == 0 ? Optional.empty()
                : Optional.of(sumMgL.divide(BigDecimal.valueOf(validHours), MEANS));
    }

    /** Flow-weighted mean Σ C·V / Σ V, mg/L; empty when no volume crossed with this factor measured. */
    public Optional<BigDecimal> flowWeightedMeanMgL() {
        return pairedVolumeM3.signum() == 0 ? Optional.empty() : Optional.of(loadG.divide(pairedVolumeM3, MEANS));
    }

    /** Equal when the counts and the sums are equal as numbers (1000 and 1000.0 are the same grams). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FactorTotals t && validHours == t.validHours && pairedHours == t.pairedHours
                && sumMgL.compareTo(t.sumMgL) == 0 && loadG.compareTo(t.loadG) == 0
                && pairedVolumeM3.compareTo(t.pairedVolumeM3) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(validHours, pairedHours, sumMgL.stripTrailingZeros(), loadG.stripTrailingZeros(),
                pairedVolumeM3.stripTrailingZeros());
    }

    FactorTotals plus(BigDecimal concentrationMgL, BigDecimal volumeM3) {
        return volumeM3 == null
                ? new FactorTotals(validHours + 1, sumMgL.add(concentrationMgL), pairedHours, loadG, pairedVolumeM3)
                : new FactorTotals(validHours + 1, sumMgL.add(concentrationMgL), pairedHours + 1,
                        loadG.add(concentrationMgL.multiply(volumeM3)), pairedVolumeM3.add(volumeM3));
    }

    FactorTotals minus(BigDecimal concentrationMgL, BigDecimal volumeM3) {
        return volumeM3 == null
                ? new FactorTotals(validHours - 1, sumMgL.subtract(concentrationMgL), pairedHours, loadG, pairedVolumeM3)
                : new FactorTotals(validHours - 1, sumMgL.subtract(concentrationMgL), pairedHours - 1,
                        loadG.subtract(concentrationMgL.multiply(volumeM3)), pairedVolumeM3.subtract(volumeM3));
    }

    FactorTotals merge(FactorTotals other) {
        return new FactorTotals(validHours + other.validHours, sumMgL.add(other.sumMgL), pairedHours + other.pairedHours,
                loadG.add(other.loadG), pairedVolumeM3.add(other.pairedVolumeM3));
    }
}
