package org.ecovalue.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code [FILE|-]} argument of the offline commands: a file, or standard input for "-" or none. */
final class InputSource {

    private InputSource() {
    }

    static Reader open(CommandSpec spec, String fileOrDash, InputStream stdin) {
        if (fileOrDash == null || fileOrDash.equals("-")) {
            return new InputStreamReader(stdin, StandardCharsets.UTF_8);
        }
        try {
            return Files.newBufferedReader(Path.of(fileOrDash), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + fileOrDash);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + fileOrDash + ": " + e.getMessage());
        }
    }
}
