package cn.talentpolicy.sweeps;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Population files are read a line at a time, as BufferedReader reads them, but no line is held past the limit. */
class LinesTests {

    @Test
    void linesEndAsBufferedReaderEndsThem() throws Exception {
        String pastTheBuffer = "y".repeat(8191); // the reader's buffer is 8,192 characters: a CRLF split across two reads
        for (String text : List.of("", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\n\n", "\r\n\r\n", "a\r\r\nb",
                pastTheBuffer + "\r\nz", pastTheBuffer + "\rz", "x" + pastTheBuffer + "\n\nz")) {
            assertThat(lines(text)).as(text.length() > 20 ? text.length() + " characters" : text)
                    .isEqualTo(bufferedReaderLines(text));
        }
    }

    @Test
    void aLineOverTheLimitIsReadPastAndTheNextLineIsRead() throws Exception {
        String atTheLimit = "a".repeat(Lines.MAX_CHARS);
        String overIt = "b".repeat(Lines.MAX_CHARS + 1);
        try (Lines lines = new Lines(new StringReader(atTheLimit + "\n" + overIt + "\r\nnext\n" + overIt))) {
            assertThat(lines.next()).isEqualTo(atTheLimit);
            assertThat(tooLong(lines)).isTrue();
            assertThat(lines.next()).isEqualTo("next");
            assertThat(tooLong(lines)).as("the last line, with no line end").isTrue();
            assertThat(lines.next()).isNull();
        }
    }

    private static boolean tooLong(Lines lines) throws IOException {
        try {
            lines.next();
            return false;
        } catch (Lines.TooLong e) {
            return true;
        }
    }

    private static List<String> lines(String text) throws IOException, Lines.TooLong {
        List<String> read = new ArrayList<>();
        try (Lines lines = new Lines(new StringReader(text))) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                read.add(line);
            }
        }
        return read;
    }

    private static List<String> bufferedReaderLines(String text) throws IOException {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            return reader.lines().toList();
        }
    }
}
