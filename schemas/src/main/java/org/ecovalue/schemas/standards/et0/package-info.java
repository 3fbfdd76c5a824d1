/** FAO-56 Penman–Monteith reference evapotranspiration (REFERENCE.md §7), for water conservation. */
package org.ecovalue.schemas.standards.et0;
