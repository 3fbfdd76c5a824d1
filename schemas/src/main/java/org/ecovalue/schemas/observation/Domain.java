package org.ecovalue.schemas.observation;

/** What a parameter describes: water, air or soil (weather parameters count as air). */
public enum Domain {
    WATER, AIR, SOIL
}
