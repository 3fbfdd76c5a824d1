package org.ecovalue.schemas.standards.water;

/** Rivers and lakes/reservoirs have different TP limits (GB 3838-2002 Table 1) and TN is graded only for lakes. */
public enum WaterBody {
    RIVER, LAKE
}
