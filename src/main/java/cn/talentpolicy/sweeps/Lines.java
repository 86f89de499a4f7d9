package cn.talentpolicy.sweeps;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * The lines of a population file, as {@link java.io.BufferedReader#readLine()} gives them (ended by LF, CRLF or
 * CR), except that a line longer than {@link #MAX_CHARS} is never held in memory: it is read to its end, dropped,
 * and reported by a {@link TooLong}, and the next line is read as usual. A JSON file with no line breaks at all
 * (an array saved instead of JSON Lines) then costs one unreadable entry instead of the sweep's heap.
 */
final class Lines implements Closeable {

    /**
     * What the certification API takes for one person ({@code talent.api.max-request-bytes}, 262,144 bytes by
     * default), whose request body a population entry is: no entry the API would accept is longer.
     */
    static final int MAX_CHARS = 262_144;

    /** A line over the limit, read past and not kept. */
    static final class TooLong extends Exception {
        static final String MESSAGE = String.format(Locale.ROOT, "is longer than %,d characters and was not read",
                MAX_CHARS);

        TooLong() {
            super(MESSAGE, null, false, false);
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int end;
    private boolean skipLineFeed; // the last line ended with CR: an LF right after it is the same line end

    Lines(Reader reader) {
        this.reader = reader;
    }

    /** The next line without its line end, or null at the end of the file. */
    String next() throws IOException, TooLong {
        line.setLength(0);
        boolean read = false;
        boolean tooLong = false;
        while (true) {
            if (position == end) {
                end = Math.max(0, reader.read(buffer, 0, buffer.length));
                position = 0;
                if (end == 0) {
                    if (!read) {
                        return null;
                    }
                    break;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            read = true;
            int start = position;
            while (position < end && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            if (!tooLong && line.length() + (position - start) > MAX_CHARS) {
                tooLong = true;
                line.setLength(0);
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
            }
            if (position < end) {
                skipLineFeed = buffer[position++] == '\r';
                break;
            }
        }
        if (tooLong) {
            throw new TooLong();
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
