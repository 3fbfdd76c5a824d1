/**
 * The dead-letter record on {@code eco.ingest.dlq}: what ingest could not decode, with its
 * {@link org.ecovalue.schemas.reject.RejectReason reason} and the raw bytes, so nothing is lost
 * and {@code dlq replay} can feed it back.
 */
package org.ecovalue.schemas.dlq;
