/**
 * The basin compensation schemes of REFERENCE.md §4 as pure code, shared by the Flink job and the
 * device simulator so that live figures and expected figures come from the same arithmetic.
 * <ul>
 *   <li>{@link org.ecovalue.schemas.compensation.PeriodAccumulator}: a settlement period of a section,
 *       fed hour by hour with paired quality and flow ({@link org.ecovalue.schemas.compensation.SectionHour}),
 *       exact decimal sums, mergeable, plain data for Flink state.</li>
 *   <li>{@link org.ecovalue.schemas.compensation.CompensationCalculator#of}: the calculator of an
 *       agreement's scheme (flux, p-index, class-step, tiered-exceedance, service-value-share), which
 *       turns a {@link org.ecovalue.schemas.compensation.SettlementBasis} into a
 *       {@link org.ecovalue.schemas.compensation.CompensationOutcome}.</li>
 *   <li>{@link org.ecovalue.schemas.compensation.CompensationLedger}: outcome → unsealed ledger entry.</li>
 * </ul>
 * Which mean each scheme uses: flux the flow-weighted one (it prices load: Σ (C_h − C_target)·V_h);
 * p-index, class-step and tiered-exceedance the arithmetic (time-weighted) mean of the hourly means
 * (they compare concentrations, as the evaluation rules' period means do).
 * Signs: a calculator's signed amount is positive when the upstream party pays the downstream party.
 * Money: yuan, {@code BigDecimal} scale 2, {@code HALF_UP} where computed (flux per factor, then
 * summed); payer splits by the largest-remainder rule so that lines sum exactly to the amount.
 * Every parameter comes from the agreement (REFERENCE.md §9); a target not set in the agreement is the
 * GB 3838-2002 Table 1 limit of the section's target class.
 */
package org.ecovalue.schemas.compensation;
