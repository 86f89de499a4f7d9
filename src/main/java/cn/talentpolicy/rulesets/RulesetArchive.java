package cn.talentpolicy.rulesets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A rules folder sent as a zip archive, unpacked safely: no entry may leave the target folder, the archive may
 * hold at most {@value #MAX_ENTRIES} entries and {@value #MAX_BYTES} bytes unpacked, and it holds what a rules
 * folder holds, DRL, YAML and Markdown files, nothing else (no archive inside the archive, no jar or class file:
 * nothing the engine would not read as rules). A zip of a folder that holds the rules (such as {@code rules/}) is
 * unpacked to that inner folder.
 */
public final class RulesetArchive {

    static final int MAX_ENTRIES = 2_000;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final List<String> RULE_FILES = List.of(".drl", ".yaml", ".yml", ".md");

    private RulesetArchive() {
    }

    /** Thrown for an archive that is not a usable rules folder; the message says why. */
    public static class BadArchiveException extends IOException {
        public BadArchiveException(String message) {
            super(message);
        }
    }

    /** Unpacks into {@code target} (which must exist and be empty) and returns the rules folder inside it. */
    public static Path extract(InputStream zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        long bytes = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new BadArchiveException("more than " + MAX_ENTRIES + " entries");
                }
                Path out = root.resolve(entry.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new BadArchiveException("entry " + entry.getName() + " points outside the folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (RULE_FILES.stream().noneMatch(name::endsWith)) {
                    throw new BadArchiveException("entry " + entry.getName() + " is not a rules file: a rules"
                            + " folder holds " + String.join(", ", RULE_FILES) + " files only (no archive inside"
                            + " the archive)");
                }
                Files.createDirectories(out.getParent());
                try (OutputStream file = Files.newOutputStream(out)) {
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        bytes += n;
                        if (bytes > MAX_BYTES) {
                            throw new BadArchiveException("more than " + MAX_BYTES + " bytes unpacked");
                        }
                        file.write(buffer, 0, n);
                    }
                }
            }
        }
        if (entries == 0) {
            throw new BadArchiveException("the body is not a zip archive of a rules folder");
        }
        try (Stream<Path> top = Files.list(root)) {
            List<Path> children = top.toList();
            if (children.size() == 1 && Files.isDirectory(children.get(0))
                    && !Files.exists(children.get(0).resolve("policy.yaml"))
                    && !children.get(0).getFileName().toString().equals("common")) {
                return children.get(0);
            }
        }
        return root;
    }
}
