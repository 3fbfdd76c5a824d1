/**
 * The compensation schemes an agreement can use, one record per engine of REFERENCE.md §8.3 with
 * its parameters as configuration: flux (Jiangsu), p-index (Xin'an), class-step (Henan–Shandong),
 * tiered-exceedance (Zhoukou, Jiangsu 2021) and service-value-share (Ezhou). The records hold and
 * check parameters; computing the amounts belongs to the stream job.
 */
package org.ecovalue.schemas.registry.scheme;
