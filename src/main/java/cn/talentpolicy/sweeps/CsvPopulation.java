package cn.talentpolicy.sweeps;

import cn.talentpolicy.sweeps.CsvColumns.Column;
import cn.talentpolicy.sweeps.CsvRows.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSV population files: one row per record, under a header naming the columns of {@link CsvColumns} (any of
 * them, in any order, as long as {@code personId}, {@code source}, {@code recordId} and {@code retrievedOn} are
 * there; see {@code api-spec/population.md}). A person's rows are consecutive: a change of {@code personId}
 * starts the next person, whose entry starts on the line of its first row (the header is line 1).
 * <p>
 * Each row becomes a record of the record format: an empty cell leaves the field out; a dotted column fills a
 * nested object; rows of one {@code SUBSIDY_LEDGER} record (same recordId) are merged, each giving one of its
 * {@code entries}. Cells are converted by the column's type; a cell that is not of its type (a months count of
 * {@code abc}) is kept as a string, so the contract check names the field, exactly as it would for the same
 * mistake in a JSON Lines file.
 * <p>
 * Rows are split into cells as they are read (to find where a person ends); cells become JSON only in
 * {@link Entry#json}, on the sweep's workers. A header that names an unknown column fails the file at open
 * ({@link UnreadableHeader}); a row that cannot be read (a wrong number of cells, a quote left open) makes its
 * person's entry unreadable, naming the line.
 */
final class CsvPopulation implements Population {

    /** More rows than any person can need (200 records of 100 ledger entries): the file is not grouped by person. */
    static final int MAX_ROWS_PER_PERSON = 20_000;

    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

    /** A header that is not the documented one: nothing in the file can be read. */
    static final class UnreadableHeader extends IOException {
        UnreadableHeader(String message) {
            super(message);
        }
    }

    private final Lines reader;
    private final CsvRows rows;
    private final Header header;
    private Row pending;

    CsvPopulation(Lines reader) throws IOException {
        this.reader = reader;
        this.rows = new CsvRows(reader);
        try {
            Row first = rows.next();
            this.header = first == null ? null : Header.of(first);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public Entry next() throws IOException {
        if (header == null) {
            return null;
        }
        Row first = pending != null ? pending : rows.next();
        pending = null;
        if (first == null) {
            return null;
        }
        String id = header.personId(first);
        List<Row> person = new ArrayList<>();
        person.add(first);
        long overflowAt = 0;
        for (Row row = rows.next(); row != null; row = rows.next()) {
            String rowId = header.personId(row);
            // a row too damaged to hold a personId belongs with the rows before it: it is named as they are read
            if (rowId != null && !rowId.equals(id)) {
                pending = row;
                break;
            }
            if (person.size() < MAX_ROWS_PER_PERSON) {
                person.add(row);
            } else if (overflowAt == 0) {
                overflowAt = row.line();
            }
        }
        return new CsvEntry(header, List.copyOf(person), overflowAt);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The header: which column each cell is in. */
    private record Header(List<Column> columns, int personId, int source, int recordId) {

        static Header of(Row row) throws UnreadableHeader {
            if (row.cells() == null) {
                throw new UnreadableHeader(row.problem());
            }
            List<Column> columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String name : row.cells()) {
                Column column = CsvColumns.BY_NAME.get(name);
                if (column == null) {
                    throw new UnreadableHeader("line " + row.line() + ": unknown column '" + name + "' (the columns are: "
                            + String.join(", ", CsvColumns.BY_NAME.keySet()) + ")");
                }
                if (!seen.add(name)) {
                    throw new UnreadableHeader("line " + row.line() + ": the column '" + name + "' appears twice");
                }
                columns.add(column);
            }
            for (String required : CsvColumns.REQUIRED) {
                if (!seen.contains(required)) {
                    throw new UnreadableHeader("line " + row.line() + ": the header has no '" + required + "' column ("
                            + String.join(", ", CsvColumns.REQUIRED) + " are required)");
                }
            }
            List<String> names = columns.stream().map(Column::name).toList();
            return new Header(List.copyOf(columns), names.indexOf(CsvColumns.PERSON_ID),
                    names.indexOf(CsvColumns.SOURCE), names.indexOf(CsvColumns.RECORD_ID));
        }

        /** The row's personId cell, or null when the row is too damaged to have one. */
        String personId(Row row) {
            return row.cells() == null || row.cells().size() <= personId ? null : row.cells().get(personId);
        }
    }

    /** One person's rows, turned into the record format's JSON on demand. */
    private record CsvEntry(Header header, List<Row> rows, long overflowAt) implements Entry {

        @Override
        public long line() {
            return rows.get(0).line();
        }

        @Override
        public JsonNode json(ObjectMapper json) throws UnreadableEntry {
            for (Row row : rows) {
                if (row.cells() == null) {
                    throw new UnreadableEntry("", row.problem());
                }
                if (row.cells().size() != header.columns().size()) {
                    throw new UnreadableEntry("", "line " + row.line() + ": " + row.cells().size()
                            + " cells, but the header has " + header.columns().size()
                            + " columns (a cell holding a comma must be quoted)");
                }
            }
            if (overflowAt > 0) {
                throw new UnreadableEntry("", "line " + overflowAt + ": more than " + MAX_ROWS_PER_PERSON
                        + " rows for one person (a person's rows must be consecutive)");
            }
            ObjectNode person = json.createObjectNode();
            String id = rows.get(0).cells().get(header.personId());
            if (!id.isEmpty()) {
                person.put(CsvColumns.PERSON_ID, id);
            }
            ArrayNode records = person.putArray("records");
            Map<String, Row> ledgerFirstRows = new HashMap<>();
            Map<String, ArrayNode> ledgerEntries = new HashMap<>();
            for (Row row : rows) {
                String recordId = row.cells().get(header.recordId());
                boolean ledger = CsvColumns.LEDGER.equals(row.cells().get(header.source()));
                if (ledger && ledgerEntries.containsKey(recordId)) {
                    sameRecord(ledgerFirstRows.get(recordId), row, recordId);
                    addEntry(ledgerEntries.get(recordId), row, json);
                    continue;
                }
                ObjectNode record = records.addObject();
                for (int c = 0; c < header.columns().size(); c++) {
                    Column column = header.columns().get(c);
                    String cell = row.cells().get(c);
                    if (c == header.personId() || cell.isEmpty() || CsvColumns.ENTRIES.equals(column.parent())) {
                        continue;
                    }
                    ObjectNode target = record;
                    if (column.parent() != null) {
                        target = record.get(column.parent()) instanceof ObjectNode nested ? nested
                                : record.putObject(column.parent());
                    }
                    target.set(column.field(), value(column, cell, json));
                }
                if (ledger) {
                    ArrayNode entries = record.putArray(CsvColumns.ENTRIES);
                    addEntry(entries, row, json);
                    ledgerFirstRows.put(recordId, row);
                    ledgerEntries.put(recordId, entries);
                } else if (hasEntryCells(row)) {
                    // not a ledger: the contract check names the field that does not belong
                    addEntry(record.putArray(CsvColumns.ENTRIES), row, json);
                }
            }
            return person;
        }

        /** A further row of a ledger record repeats its first row's cells (other than the entry's own). */
        private void sameRecord(Row first, Row row, String recordId) throws UnreadableEntry {
            for (int c = 0; c < header.columns().size(); c++) {
                Column column = header.columns().get(c);
                if (!CsvColumns.ENTRIES.equals(column.parent()) && !first.cells().get(c).equals(row.cells().get(c))) {
                    throw new UnreadableEntry(column.name(), "line " + row.line() + ": the column '" + column.name()
                            + "' of ledger record '" + recordId + "' differs from the record's first row (line "
                            + first.line() + "); only the entries.* cells may differ between its rows");
                }
            }
        }

        private boolean hasEntryCells(Row row) {
            for (int c = 0; c < header.columns().size(); c++) {
                if (CsvColumns.ENTRIES.equals(header.columns().get(c).parent()) && !row.cells().get(c).isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /** The row's entries.* cells as one ledger entry; a row with none of them adds none (an empty ledger). */
        private void addEntry(ArrayNode entries, Row row, ObjectMapper json) {
            ObjectNode entry = null;
            for (int c = 0; c < header.columns().size(); c++) {
                Column column = header.columns().get(c);
                String cell = row.cells().get(c);
                if (CsvColumns.ENTRIES.equals(column.parent()) && !cell.isEmpty()) {
                    if (entry == null) {
                        entry = entries.addObject();
                    }
                    entry.set(column.field(), value(column, cell, json));
                }
            }
        }
    }

    /** A cell as the JSON value its column's type gives; a cell not of that type stays a string. */
    static JsonNode value(Column column, String cell, ObjectMapper json) {
        return switch (column.type()) {
            case STRING -> TextNode.valueOf(cell);
            case BOOLEAN -> cell.equals("true") ? BooleanNode.TRUE
                    : cell.equals("false") ? BooleanNode.FALSE : TextNode.valueOf(cell);
            // read by the mapper, so a number is the same node a JSON Lines file would give
            case INTEGER, DECIMAL -> NUMBER.matcher(cell).matches() ? number(cell, json) : TextNode.valueOf(cell);
            case LIST -> {
                ArrayNode list = json.createArrayNode();
                if (!cell.equals(CsvColumns.EMPTY_LIST)) {
                    for (String item : cell.split(CsvColumns.LIST_SEPARATOR, -1)) {
                        list.add(item);
                    }
                }
                yield list;
            }
        };
    }

    private static JsonNode number(String cell, ObjectMapper json) {
        try {
            return json.readTree(cell);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // cannot happen: the cell matched the JSON number grammar
        }
    }
}
