package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The launcher script carries its own copy of Flink's --add-opens list; it must match the build's. */
class LauncherTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void theLaunchersAddOpensListIsThePomsFlinkJvmOpens() throws IOException {
        Matcher pom = Pattern.compile("<flink\\.jvm\\.opens>(.*?)</flink\\.jvm\\.opens>", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(pom.find()).isTrue();
        List<String> fromPom = Arrays.asList(pom.group(1).trim().split("\\s+"));

        Matcher launcher = Pattern.compile("FLINK_JVM_OPENS=\\((.*?)\\)", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("ecovalue")));
        assertThat(launcher.find()).isTrue();
        List<String> fromLauncher = Arrays.asList(launcher.group(1).trim().split("\\s+"));

        assertThat(fromLauncher).containsExactlyElementsOf(fromPom);
    }

    @Test
    void theLauncherIsExecutable() {
        assertThat(Files.isExecutable(ROOT.resolve("ecovalue"))).isTrue();
    }
}
