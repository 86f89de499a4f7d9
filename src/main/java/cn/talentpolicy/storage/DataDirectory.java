package cn.talentpolicy.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder where the service keeps what it records ({@code talent.data-dir}, default {@code data}): sweep
 * uploads and results, the embedded database ({@code register/}: the decision register, certifications and sweep
 * jobs, see {@link Database}) and the ruleset history. All of it is personal data, so:
 * <ul>
 *     <li>every folder in it is the service user's only (700) and every file too (600, from its creation:
 *     {@link #openPrivate}); what an older version left is made so at start;</li>
 *     <li>it has a size cap ({@code talent.data-dir-max-bytes}, default 20 GiB): what would take it past the cap
 *     is refused ({@link FullException}) instead of filling the disk;</li>
 *     <li>sweeps are kept for {@code talent.data-retention-days} (default 90) after they end and then deleted;
 *     the register erases the input and answer of a decision after {@code talent.register.input-retention-days}
 *     (see register.RegisterProperties).</li>
 * </ul>
 */
@Component
public class DataDirectory {

    /** Writing this would take the data directory past its cap; nothing of it is kept. */
    public static final class FullException extends RuntimeException {
        FullException(long maxBytes) {
            super("The service's data directory is at its size cap of " + maxBytes + " bytes; delete finished"
                    + " sweeps or wait for the retention period to free space");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** The size on disk is counted again at most this often; writes in between are added as they are made. */
    private static final long RECOUNT_NANOS = 10_000_000_000L;

    private final Path root;
    private final long maxBytes;
    private final Duration retention;
    private long written;
    private long counted = -1;
    private long countedAt;

    public DataDirectory(@Value("${talent.data-dir:data}") Path root,
                         @Value("${talent.data-dir-max-bytes:21474836480}") long maxBytes,
                         @Value("${talent.data-retention-days:90}") int retentionDays) {
        if (maxBytes <= 0 || retentionDays <= 0) {
            throw new IllegalArgumentException("talent.data-dir-max-bytes and talent.data-retention-days must be"
                    + " positive");
        }
        this.root = root;
        this.maxBytes = maxBytes;
        this.retention = Duration.ofDays(retentionDays);
        try {
            folder(root);
            restrict(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory " + root.toAbsolutePath(), e);
        }
    }

    /** A data directory with no practical cap, kept 90 days: for tools and tests. */
    public static DataDirectory at(Path root) {
        return new DataDirectory(root, Long.MAX_VALUE, 90);
    }

    public Path root() {
        return root;
    }

    public Duration retention() {
        return retention;
    }

    /** Makes the folder and any parents it lacks, each the service user's only. */
    public static Path folder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        if (folder.getParent() != null) {
            folder(folder.getParent());
        }
        try {
            if (POSIX) {
                FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(FOLDER);
                Files.createDirectory(folder, owner);
                Files.setPosixFilePermissions(folder, FOLDER); // the umask may have taken some away: put them back
            } else {
                Files.createDirectory(folder);
            }
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
            if (!Files.isDirectory(folder)) {
                throw madeMeanwhile;
            }
        }
        return folder;
    }

    /**
     * Opens a file for writing that, if it is created, is the service user's only from its first byte (600).
     */
    public static java.nio.channels.FileChannel openPrivate(Path file, java.nio.file.OpenOption... options)
            throws IOException {
        Set<java.nio.file.OpenOption> opened = new java.util.HashSet<>(java.util.Arrays.asList(options));
        return POSIX ? java.nio.channels.FileChannel.open(file, opened, PosixFilePermissions.asFileAttribute(FILE))
                : java.nio.channels.FileChannel.open(file, opened);
    }

    /** Makes everything under {@code path} (and the path itself) the service user's only: folders 700, files 600. */
    public static void restrict(Path path) throws IOException {
        if (!POSIX || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue; // its target is not ours to change
                }
                try {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            ? FOLDER : FILE);
                } catch (NoSuchFileException gone) {
                    // deleted while walking: nothing left to protect
                }
            }
        }
    }

    /**
     * Says that {@code bytes} more are about to be written, or refuses them if they would take the directory past
     * its cap.
     */
    public synchronized void reserve(long bytes) {
        if (used() + bytes > maxBytes) {
            throw new FullException(maxBytes);
        }
        written += bytes;
    }

    /** Says that files were deleted: the next look at the size counts it on disk again. */
    public synchronized void freed() {
        counted = -1;
    }

    /** The bytes the directory holds: counted on disk at most every 10 s, plus what was reserved since. */
    public synchronized long used() {
        long now = System.nanoTime();
        if (counted < 0 || now - countedAt > RECOUNT_NANOS) {
            long size = count();
            if (size >= 0) {
                counted = size;
                countedAt = now;
                written = 0;
            } else if (counted < 0) {
                counted = 0; // nothing counted yet: what is reserved from here on still counts
            }
        }
        return counted + written;
    }

    /** The bytes of the files under the root; files that go while counting are skipped; -1 if it cannot count. */
    private long count() {
        long[] sum = {0};
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                                                               java.nio.file.attribute.BasicFileAttributes attrs) {
                    sum[0] += attrs.isRegularFile() ? attrs.size() : 0;
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE; // gone while counting (a temporary file)
                }
            });
            return sum[0];
        } catch (IOException e) {
            log.warn("Cannot count the size of {}: {}", root, e.toString());
            return -1;
        }
    }
}
