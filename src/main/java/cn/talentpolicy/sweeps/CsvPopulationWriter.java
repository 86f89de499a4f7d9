package cn.talentpolicy.sweeps;

import cn.talentpolicy.sweeps.CsvColumns.Column;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes people of the record format as CSV rows under the full documented header, so that
 * {@link CsvPopulation} reads each back to the same JSON: one row per record, one per entry of a ledger (one
 * row with empty entry cells for a ledger with no entries), {@code -} for a known-empty list. Lines end in LF.
 */
final class CsvPopulationWriter {

    private final Appendable out;

    CsvPopulationWriter(Appendable out) {
        this.out = out;
    }

    void writeHeader() throws IOException {
        out.append(CsvColumns.header()).append('\n');
    }

    void write(JsonNode person) throws IOException {
        for (String[] row : rows(person)) {
            writeRow(row);
        }
    }

    /**
     * The person's rows as cells in the documented column order.
     *
     * @throws IllegalArgumentException for a field no column holds, or a list item the list cell cannot hold
     */
    static List<String[]> rows(JsonNode person) {
        String personId = person.path(CsvColumns.PERSON_ID).asText("");
        List<String[]> rows = new ArrayList<>();
        for (JsonNode record : person.path("records")) {
            JsonNode entries = record.get(CsvColumns.ENTRIES);
            if (entries != null && entries.isArray() && !entries.isEmpty()) {
                for (JsonNode entry : entries) {
                    rows.add(row(personId, record, entry));
                }
            } else {
                rows.add(row(personId, record, null));
            }
        }
        return rows;
    }

    void writeRow(String[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append(',');
            }
            appendCell(cells[c]);
        }
        out.append('\n');
    }

    private static String[] row(String personId, JsonNode record, JsonNode entry) {
        requireColumns(record, entry);
        String[] cells = new String[CsvColumns.ALL.size()];
        cells[0] = personId;
        for (int c = 1; c < cells.length; c++) {
            Column column = CsvColumns.ALL.get(c);
            JsonNode value;
            if (column.parent() == null) {
                value = record.get(column.name());
            } else if (CsvColumns.ENTRIES.equals(column.parent())) {
                value = entry == null ? null : entry.get(column.field());
            } else {
                value = record.path(column.parent()).get(column.field());
            }
            cells[c] = value == null || value.isNull() ? "" : cell(column, value);
        }
        return cells;
    }

    /** Every field of the record (and of the entry) has a column: nothing is dropped silently. */
    private static void requireColumns(JsonNode record, JsonNode entry) {
        for (var fields = record.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equals(CsvColumns.ENTRIES)) {
                continue; // written entry by entry
            }
            if (field.getValue().isObject() && CsvColumns.PARENTS.contains(field.getKey())) {
                field.getValue().fieldNames().forEachRemaining(f -> requireColumn(field.getKey() + "." + f, record));
            } else {
                requireColumn(field.getKey(), record);
            }
        }
        if (entry != null) {
            entry.fieldNames().forEachRemaining(f -> requireColumn(CsvColumns.ENTRIES + "." + f, record));
        }
    }

    private static void requireColumn(String name, JsonNode record) {
        if (!CsvColumns.BY_NAME.containsKey(name) || name.equals(CsvColumns.PERSON_ID)) {
            throw new IllegalArgumentException("no CSV column holds the field '" + name + "' of record "
                    + record.path(CsvColumns.RECORD_ID).asText());
        }
    }

    private static String cell(Column column, JsonNode value) {
        if (column.type() == CsvColumns.Type.LIST && value.isArray()) {
            if (value.isEmpty()) {
                return CsvColumns.EMPTY_LIST;
            }
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                String text = item.asText();
                if (text.contains(CsvColumns.LIST_SEPARATOR) || text.equals(CsvColumns.EMPTY_LIST) || text.isEmpty()) {
                    throw new IllegalArgumentException("the list " + column.name() + " cannot hold '" + text + "'");
                }
                joined.append(joined.isEmpty() ? "" : CsvColumns.LIST_SEPARATOR).append(text);
            }
            return joined.toString();
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("the column " + column.name() + " holds a single value, not " + value);
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }

    private void appendCell(String cell) throws IOException {
        boolean quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(cell);
            return;
        }
        out.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}
