/**
 * The compensation ledger on {@code eco.compensation} (key {@code {agreementId}/{period}}): entries
 * with their inputs and explanation, and the per-agreement SHA-256 hash chain of FINAL and
 * CORRECTION entries over their {@link org.ecovalue.schemas.ledger.CanonicalJson canonical JSON},
 * which {@code ledger verify} checks with {@link org.ecovalue.schemas.ledger.LedgerHashChain#verify}.
 */
package org.ecovalue.schemas.ledger;
