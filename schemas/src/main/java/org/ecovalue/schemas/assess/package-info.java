/**
 * Offline assessment of a CSV of readings — the engine behind {@code ecovalue assess water|air|soil
 * [FILE|-]} — with the standards the pipeline uses ({@link org.ecovalue.schemas.standards}).
 *
 * <p>Entry point: {@code Assessor.forKind(kind[, options]).assess(reader, writer, format)}, which
 * returns an {@link org.ecovalue.schemas.assess.AssessSummary} and throws
 * {@link org.ecovalue.schemas.reject.InputRejectedException} only for a file it cannot read at all.
 *
 * <p>Input: a header row with {@code station} and {@code ts} (ISO-8601 with offset, epoch ms, or a
 * local date-time/date in {@link org.ecovalue.schemas.assess.AssessOptions#localZone()}), optional
 * {@code waterbody} (river|lake) and {@code land_use} (paddy|orchard|other|rotation), and one column
 * per parameter code; CNEMC's Chinese headers (断面名称, 监测时间, 氨氮(mg/L) …) are aliases, a unit in a
 * header's brackets is converted exactly or refused. Other columns pass through.
 *
 * <p>Output columns added after the input's: water {@code class category limiting main_pollutants
 * waterbody waterbody_source standard [official_class] qc}; air {@code aqi category level limiting
 * primary exceeding iaqi standard qc}; soil {@code risk category limiting ph_band single_factor_index
 * standard qc}. Lists are joined with ";" in CSV and are arrays in JSON lines. {@code qc} holds
 * {@code reason:detail} remarks (codes of {@link org.ecovalue.schemas.reject.RejectReason}); a row
 * with a qc remark and no result was not assessed; {@code class-mismatch} marks an assessed row whose
 * published official class (水质类别) differs from the computed one.
 */
package org.ecovalue.schemas.assess;
