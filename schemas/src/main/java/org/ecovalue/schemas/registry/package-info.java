/**
 * The registry of a deployment (DESIGN.md "Registry"): basins, administrative units (GB/T 2260),
 * grid cells, stations (id = HJ 212 MN), sections, price tables and compensation agreements.
 * <p>{@link org.ecovalue.schemas.registry.RegistryLoader} reads the YAML files of
 * {@code deploy/config} and refuses them with every problem named by file, line, item and field;
 * {@link org.ecovalue.schemas.registry.RegistryValidator} checks references across items;
 * {@link org.ecovalue.schemas.registry.RegistryItemCodec} is the value format of the compacted
 * {@code eco.registry} topic, one item per key {@code {kind}/{id}}, from which the Flink job
 * rebuilds a {@link org.ecovalue.schemas.registry.Registry}.
 * <p>It also holds the vocabulary the other contracts share: {@link org.ecovalue.schemas.registry.UnitKind},
 * {@link org.ecovalue.schemas.registry.EcoProduct}, {@link org.ecovalue.schemas.registry.PeriodKind},
 * money ({@link org.ecovalue.schemas.registry.Cny}) and the field checks of compact constructors.
 */
package org.ecovalue.schemas.registry;
