package cn.talentpolicy.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps each certification's input records and answer under {@code <data-dir>/certifications/<id>.json}, so it
 * can be shown again and reproduced later. A file is written whole (to a temporary file, then moved) or not at all.
 */
@Component
public class CertificationStore {

    /** A stored certification: what was asked and what was answered. */
    public record Stored(JsonNode request, JsonNode response) {
    }

    private static final Pattern ID = Pattern.compile("cert-[0-9a-f]{20}");

    private final Path folder;
    private final ObjectMapper json;

    public CertificationStore(@Value("${talent.data-dir:data}") Path dataDir, ObjectMapper json) {
        this.folder = dataDir.resolve("certifications");
        // amounts stay decimals on the way to disk and back (1000, not 1000.0)
        this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public void save(String id, Object request, Object response) {
        try {
            Files.createDirectories(folder);
            ObjectNode stored = json.createObjectNode();
            stored.set("request", json.valueToTree(request));
            stored.set("response", json.valueToTree(response));
            Path temp = Files.createTempFile(folder, id, ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), stored);
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
            return Optional.of(new Stored(stored.get("request"), stored.get("response")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read certification " + id, e);
        }
    }
}
