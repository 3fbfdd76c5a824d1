/**
 * The dynamic ecological-product inventory record on {@code eco.inventory} (key
 * {@code {unitId}/{product}}, compacted): quantity, grade, function, rights holder and value of one
 * product of one grid cell, administrative unit or basin for one period, LIVE or FINAL.
 */
package org.ecovalue.schemas.inventory;
