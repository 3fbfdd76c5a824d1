/**
 * HJ 212 — the Chinese data-transmission standard for pollutant and environmental monitoring
 * (HJ/T 212-2005, HJ 212-2017, HJ 212-2025) — as stations send it over MQTT
 * ({@code ecovalue/v1/{stationId}/hj212}, DESIGN.md).
 *
 * <p>{@link org.ecovalue.schemas.hj212.Hj212Decoder} checks frame, length and the HJ 212 CRC
 * variant ({@link org.ecovalue.schemas.hj212.Hj212Crc}) and reads header and CP into an immutable
 * {@link org.ecovalue.schemas.hj212.Hj212Packet}; every refusal is an
 * {@link org.ecovalue.schemas.reject.InputRejectedException} with its own reason, and nothing else
 * escapes. {@link org.ecovalue.schemas.hj212.Hj212Packet#toObservation()} maps a data packet onto
 * the canonical vocabulary through {@link org.ecovalue.schemas.hj212.Hj212FactorCodes};
 * {@link org.ecovalue.schemas.hj212.Hj212SplitAssembler} joins split packets;
 * {@link org.ecovalue.schemas.hj212.Hj212Encoder} writes packets for the simulator;
 * {@link org.ecovalue.schemas.hj212.Hj212JsonLines} renders one JSON line per packet for the CLI.
 *
 * <p>Protocol facts and their sources are in {@code domain/REFERENCE.md} §6; where real packets go
 * beyond it (vendor CNs, 2005 factor codes), the tables say where each entry comes from.
 */
package org.ecovalue.schemas.hj212;
