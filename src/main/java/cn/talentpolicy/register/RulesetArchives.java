package cn.talentpolicy.register;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.rulesets.RulesetArchive;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every ruleset a decision was made under, kept in the register ({@code rulesets} table) as the zip of its rules
 * folder, exactly as it was compiled ({@link Ruleset#sources()}), before the first decision under it is recorded.
 * A replay compiles it again from there.
 */
@Component
public class RulesetArchives {

    private final JdbcClient sql;
    private final RulesetHolder serving;
    private final Clock clock;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    public RulesetArchives(JdbcClient sql, RulesetHolder serving, Clock clock) {
        this.sql = sql;
        this.serving = serving;
        this.clock = clock;
    }

    /** Keeps the ruleset if the register does not hold it yet. */
    public void keep(Ruleset ruleset) {
        if (kept.contains(ruleset.version())) {
            return;
        }
        boolean there = sql.sql("select count(*) from rulesets where version = ?").param(ruleset.version())
                .query(Long.class).single() > 0;
        if (!there) {
            try {
                sql.sql("insert into rulesets (version, first_used, files, archive) values (?, ?, ?, ?)")
                        .param(ruleset.version()).param(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .param(ruleset.sources().size()).param(zip(ruleset.sources())).update();
            } catch (DuplicateKeyException e) {
                // another service on the same database kept it first
            }
        }
        kept.add(ruleset.version());
    }

    /** Whether the register holds a ruleset. */
    public boolean holds(String version) {
        return kept.contains(version) || sql.sql("select count(*) from rulesets where version = ?").param(version)
                .query(Long.class).single() > 0;
    }

    /**
     * The ruleset of a version, compiled from the register: the serving one if it is that version, else a new
     * one, which the caller closes ({@link Loaded#close()} closes only what it compiled).
     */
    public Optional<Loaded> load(String version) {
        Ruleset current = serving.current();
        if (current.version().equals(version)) {
            return Optional.of(new Loaded(current, false));
        }
        Optional<byte[]> archive = sql.sql("select archive from rulesets where version = ?").param(version)
                .query((rs, n) -> rs.getBytes(1)).optional();
        if (archive.isEmpty()) {
            return Optional.empty();
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("ruleset-");
            Path rules = RulesetArchive.extract(new ByteArrayInputStream(archive.get()), folder);
            Ruleset ruleset = RulesetLoader.load(rules);
            if (!ruleset.version().equals(version)) {
                ruleset.close();
                throw new IllegalStateException("the register's archive of ruleset " + version + " compiles as "
                        + ruleset.version());
            }
            return Optional.of(new Loaded(ruleset, true));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack ruleset " + version + " from the register", e);
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    /** A ruleset compiled for a replay. */
    public record Loaded(Ruleset ruleset, boolean compiled) implements AutoCloseable {
        @Override
        public void close() {
            if (compiled) {
                ruleset.close();
            }
        }
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(0); // the same files make the same archive
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder of rules: left for the system to clean
        }
    }
}
