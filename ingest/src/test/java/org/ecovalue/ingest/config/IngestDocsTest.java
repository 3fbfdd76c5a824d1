package org.ecovalue.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/ingest.md shows the configuration reference generated from the one declaration. */
class IngestDocsTest {

    @Test
    void theDocumentedConfigurationTableIsTheDeclaredOne() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "ingest.md"));
        assertThat(doc).contains(IngestOptions.markdownTable());
    }
}
