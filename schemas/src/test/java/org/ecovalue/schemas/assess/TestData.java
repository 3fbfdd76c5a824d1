package org.ecovalue.schemas.assess;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-world test data, located by the {@code ecovalue.testdata} property surefire sets. */
final class TestData {

    private TestData() {
    }

    static Path file(String relative) {
        String root = System.getProperty("ecovalue.testdata");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property ecovalue.testdata is not set; run the tests through "
                    + "Maven (surefire sets it to ../shared/testdata) or pass -Decovalue.testdata=DIR");
        }
        Path p = Path.of(root).resolve(relative);
        if (!Files.isReadable(p)) {
            throw new IllegalStateException("test data " + p + " is missing (ecovalue.testdata=" + root + ")");
        }
        return p;
    }
}
