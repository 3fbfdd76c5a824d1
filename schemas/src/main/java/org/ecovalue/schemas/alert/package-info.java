/** Alert episodes on {@code eco.alerts} (key: section id, else station id): exceedances, data gaps and the like. */
package org.ecovalue.schemas.alert;
