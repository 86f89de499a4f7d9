package cn.talentpolicy.certification;

import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.storage.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps each certification's input records and answer under {@code <data-dir>/certifications/<id>.json}, so it
 * can be shown again and reproduced later, with the region it was made under and who made it. A file is written
 * whole (to a temporary file, the service user's only, then moved) or not at all, and deleted when the data
 * directory's retention period has passed since it was written.
 */
@Component
public class CertificationStore {

    /**
     * A stored certification: what was asked and what was answered, and under which region (a certification made
     * before they had one counts as the province's). Who made it is kept in the file, for the record.
     */
    public record Stored(JsonNode request, JsonNode response, String region) {
    }

    private static final Pattern ID = Pattern.compile("cert-[0-9a-f]{20}");
    private static final Logger log = LoggerFactory.getLogger(CertificationStore.class);

    private final DataDirectory data;
    private final Path folder;
    private final ObjectMapper json;
    private final Clock clock;

    public CertificationStore(DataDirectory data, ObjectMapper json, Clock clock) {
        this.data = data;
        this.folder = data.root().resolve("certifications");
        // amounts stay decimals on the way to disk and back (1000, not 1000.0)
        this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock;
    }

    /** Stores a certification, or refuses it whole if the data directory is at its cap. */
    public void save(String id, Object request, Object response, String region, String madeBy) {
        try {
            ObjectNode stored = json.createObjectNode();
            stored.put("region", region);
            stored.put("madeBy", madeBy);
            stored.set("request", json.valueToTree(request));
            stored.set("response", json.valueToTree(response));
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored);
            data.reserve(bytes.length);
            DataDirectory.folder(folder);
            Path temp = Files.createTempFile(folder, id, ".tmp"); // rw------- where files have owners
            Files.write(temp, bytes);
            Files.move(temp, folder.resolve(id + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store certification " + id, e);
        }
    }

    public Optional<Stored> load(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(id + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode stored = json.readTree(file.toFile());
            return Optional.of(new Stored(stored.get("request"), stored.get("response"),
                    stored.path("region").asText(Regions.SHANDONG)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read certification " + id, e);
        }
    }

    /** Deletes the certifications written longer ago than the retention period (daily, and soon after start). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    public int deleteExpired() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        FileTime cutoff = FileTime.from(clock.instant().minus(data.retention()));
        int count = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(file);
                    count++;
                }
            }
        } catch (IOException e) {
            log.error("Cannot delete expired certifications: {}", e.toString());
        }
        if (count > 0) {
            data.freed();
            log.info("Deleted {} certifications written more than {} days ago", count, data.retention().toDays());
        }
        return count;
    }
}
