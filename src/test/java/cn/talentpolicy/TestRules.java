package cn.talentpolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** Copies of the bundled rules folder for tests that break or change one thing in them. */
public final class TestRules {

    public static final Path BUNDLED = Path.of("rules");

    private TestRules() {
    }

    /** Copies the bundled rules into {@code target} (an empty folder) and returns it. */
    public static Path copyTo(Path target) throws IOException {
        copy(BUNDLED, target);
        return target;
    }

    /** Copies a folder and everything in it to {@code to}, which must not hold any of it yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    /** Replaces the first occurrence of {@code from} in a file of the copy; fails if it is not there. */
    public static void replace(Path rules, String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path);
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException(from + " is not in " + file);
        }
        Files.writeString(path, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    public static void append(Path rules, String file, String text) throws IOException {
        Files.writeString(rules.resolve(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
