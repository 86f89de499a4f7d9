package cn.talentpolicy.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A population file read one person at a time, in file order, without holding the file in memory. Each entry is
 * a person in the record format of the certification API ({@code {"personId": ..., "records": [...]}}); it is
 * only turned into JSON when {@link Entry#json()} is called, so that parsing can happen on the sweep's workers.
 * Two formats: JSON Lines (one person a line; blank lines are skipped) and CSV (see {@link CsvPopulation}).
 */
public interface Population extends Closeable {

    /** The next person, or null at the end of the file. */
    Entry next() throws IOException;

    /** One person's entry: the line it starts on (1-based) and its content. */
    interface Entry {

        long line();

        /** The person as the record format's JSON, or an {@link UnreadableEntry} saying why it cannot be read. */
        JsonNode json(ObjectMapper json) throws UnreadableEntry;
    }

    /** An entry that is not JSON, or not a CSV row of the documented header. */
    final class UnreadableEntry extends Exception {
        private final String field;

        public UnreadableEntry(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        /** Where in the entry the problem is ("" for the whole entry). */
        public String field() {
            return field;
        }
    }

    enum Format {
        JSONL, CSV;

        /** By the file name's extension: .csv is CSV, anything else JSON Lines. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
        }
    }

    static Population open(Path file, Format format) throws IOException {
        Lines lines = new Lines(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        return format == Format.CSV ? new CsvPopulation(lines) : new JsonLines(lines);
    }

    /** How many people the file holds (a quick pass over it, for progress reports). */
    static long count(Path file, Format format) throws IOException {
        long people = 0;
        try (Population population = open(file, format)) {
            while (population.next() != null) {
                people++;
            }
        }
        return people;
    }

    /** JSON Lines: one person a line; a line over {@link Lines#MAX_CHARS} is an entry that cannot be read. */
    final class JsonLines implements Population {
        private final Lines lines;
        private long line;

        JsonLines(Lines lines) {
            this.lines = lines;
        }

        @Override
        public Entry next() throws IOException {
            String text;
            do {
                line++;
                try {
                    text = lines.next();
                } catch (Lines.TooLong e) {
                    return new JsonLine(line, null, e.getMessage());
                }
                if (text == null) {
                    return null;
                }
                if (line == 1 && text.startsWith("\uFEFF")) { // a byte-order mark, as some editors write
                    text = text.substring(1);
                }
            } while (text.isBlank());
            return new JsonLine(line, text, null);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }

        /** A line's text, or (text null) why it was not read. */
        private record JsonLine(long line, String text, String unread) implements Entry {
            @Override
            public JsonNode json(ObjectMapper json) throws UnreadableEntry {
                if (text == null) {
                    throw new UnreadableEntry("", unread);
                }
                try {
                    return json.readTree(text);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    String message = e.getOriginalMessage().replaceFirst("\\s*\\(for .*$", "");
                    throw new UnreadableEntry("", "is not JSON: " + message + " (column "
                            + e.getLocation().getColumnNr() + ")");
                }
            }
        }
    }
}
