package org.ecovalue.schemas.inventory;

/**
 * LIVE figures move as data arrives; a FINAL figure is the settled one of a closed period. Data that
 * arrives after FINAL produces a new FINAL with the next revision, never a silent change.
 */
public enum InventoryStatus {
    LIVE, FINAL
}
