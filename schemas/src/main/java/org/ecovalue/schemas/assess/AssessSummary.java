package org.ecovalue.schemas.assess;

/**
 * What an assessment run did: data rows read, rows assessed, rows that could not be assessed (their
 * {@code qc} says why), rows with any {@code qc} remark, and rows whose published official class
 * differs from the computed one.
 */
public record AssessSummary(int rows, int assessed, int notAssessed, int flagged, int classMismatches) {

    public AssessSummary {
        if (assessed + notAssessed != rows) {
            throw new IllegalArgumentException("assessed + notAssessed must be rows");
        }
    }

    /** True when every row was assessed and none contradicts its official class. */
    public boolean clean() {
        return notAssessed == 0 && classMismatches == 0;
    }
}
