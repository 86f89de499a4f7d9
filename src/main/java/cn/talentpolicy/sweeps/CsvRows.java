package cn.talentpolicy.sweeps;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads RFC 4180 rows one at a time: cells separated by commas, a cell holding a comma, a quote or a line break
 * quoted, its quotes doubled. Line ends may be CRLF or LF; a line break inside a quoted cell reads as LF. Blank
 * lines are skipped, and a byte-order mark at the start is dropped.
 * <p>
 * A damaged row does not take the rest of the file with it: a quote left open for more than
 * {@value #MAX_LINES_IN_A_CELL} lines (or to the end of the file, or closed on a later line by a quote that breaks
 * the rules) makes the row it opened in unreadable, and the lines after that row are read again as rows of their
 * own. Nor is a line longer than {@value Lines#MAX_CHARS} characters held: it is an unreadable row of its own (and
 * a quote open when it comes was left open). So memory stays bounded whatever the file holds.
 */
final class CsvRows {

    /** A quoted cell spanning more lines than this is taken to be a quote left open by mistake. */
    static final int MAX_LINES_IN_A_CELL = 100;

    /**
     * One row: the line it starts on and its cells, or (cells null) why it cannot be read, the message naming
     * the line.
     */
    record Row(long line, List<String> cells, String problem) {
    }

    /** A line of the file, its text null when it was over {@link Lines#MAX_CHARS} and not read. */
    private record Line(long number, String text) {
    }

    private final Lines reader;
    private final Deque<Line> toReread = new ArrayDeque<>();
    private long lastLine;

    CsvRows(Lines reader) {
        this.reader = reader;
    }

    /** The next row, or null at the end of the file. */
    Row next() throws IOException {
        Line start;
        do {
            start = nextLine();
            if (start == null) {
                return null;
            }
        } while (start.text() != null && start.text().isEmpty());
        if (start.text() == null) {
            return new Row(start.number(), null, "line " + start.number() + " " + Lines.TooLong.MESSAGE);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        List<Line> continued = new ArrayList<>();
        String text = start.text();
        int i = 0;
        boolean quoted = false;
        boolean cellStart = true;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    cells.add(cell.toString());
                    return new Row(start.number(), cells, null);
                }
                Line more = continued.size() < MAX_LINES_IN_A_CELL ? nextLine() : null;
                if (more == null) {
                    return unclosed(start, cells.size() + 1, continued);
                }
                if (more.text() == null) { // no cell runs on to a line that cannot be read: the quote was left open
                    continued.add(more);
                    return unclosed(start, cells.size() + 1, continued);
                }
                continued.add(more);
                cell.append('\n');
                text = more.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                    if (i < text.length() && text.charAt(i) != ',' && !continued.isEmpty()) {
                        // a cell that ran over lines and then breaks the rules was a quote left open
                        return unclosed(start, cells.size() + 1, continued);
                    }
                    if (i < text.length() && text.charAt(i) != ',') {
                        return new Row(start.number(), null, "line " + start.number() + ": text after the closing quote"
                                + " of cell " + (cells.size() + 1) + " (a quote inside a cell must be doubled)");
                    }
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
                continue;
            } else if (c == '"') {
                if (!cellStart && !continued.isEmpty()) {
                    return unclosed(start, cells.size() + 1, continued);
                }
                if (!cellStart) {
                    return new Row(start.number(), null, "line " + start.number() + ": a quote inside the unquoted cell "
                            + (cells.size() + 1) + " (quote the whole cell and double the quotes inside it)");
                }
                quoted = true;
            } else {
                cell.append(c);
            }
            cellStart = false;
        }
    }

    /** The start row cannot be read; the lines after it are read again as rows of their own. */
    private Row unclosed(Line start, int cell, List<Line> continued) {
        for (int k = continued.size() - 1; k >= 0; k--) {
            toReread.addFirst(continued.get(k));
        }
        return new Row(start.number(), null, "line " + start.number() + ": the quoted cell " + cell
                + " is not closed (a quote inside a cell must be doubled)");
    }

    private Line nextLine() throws IOException {
        if (!toReread.isEmpty()) {
            return toReread.pollFirst();
        }
        String text;
        try {
            text = reader.next();
        } catch (Lines.TooLong e) {
            return new Line(++lastLine, null);
        }
        if (text == null) {
            return null;
        }
        lastLine++;
        if (lastLine == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Line(lastLine, text);
    }
}
