package org.ecovalue.schemas.compensation;

/** Who pays whom for a period; NONE when the amount is ¥0.00. */
public enum Direction {
    /** The upstream party missed its target (or the water got worse): it pays the downstream party. */
    UPSTREAM_PAYS,
    /** The upstream party did better than its target: the downstream side pays it. */
    DOWNSTREAM_PAYS,
    NONE
}
