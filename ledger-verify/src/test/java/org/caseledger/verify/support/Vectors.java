package org.caseledger.verify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the test vectors under {@code src/test/resources/vectors} (their sources are in the README there). */
public final class Vectors {

    private Vectors() {
    }

    public static Path path(String name) {
        URL url = Vectors.class.getResource("/vectors/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test vector " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The first line of a file, without its newline. */
    public static String line(String name) {
        return text(name).lines().findFirst().orElseThrow();
    }

    /** The lines of a file that are neither empty nor comments. */
    public static List<String> dataLines(String name) {
        return text(name).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** The value of the line "key value" in a file of such lines. */
    public static String value(String name, String key) {
        return dataLines(name).stream().filter(line -> line.startsWith(key + " "))
                .map(line -> line.substring(key.length() + 1)).findFirst().orElseThrow();
    }

    /** Every file under a directory of vectors, in a stable order. */
    public static List<Path> files(String directory, String suffix) {
        try (Stream<Path> walk = Files.walk(path(directory))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
