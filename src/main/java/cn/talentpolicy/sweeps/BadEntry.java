package cn.talentpolicy.sweeps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The mistakes a generated population holds on purpose (at the generator's bad rate), each spoiling exactly one
 * entry, so that a sweep can be seen to reject them with a clear problem. They are the mistakes real exports
 * make; {@link #caughtBy()} says which check must catch each.
 */
enum BadEntry {
    /** The line is not JSON (a Python-style dict, single quotes); in CSV, a row with an unquoted comma. */
    NOT_JSON(Check.READING),
    /** The line stops part-way; in CSV, the person's last row lacks its last cells. */
    TRUNCATED(Check.READING),
    /** No personId. */
    MISSING_PERSON_ID(Check.CONTRACT),
    /** A date that does not exist: 30 February. */
    IMPOSSIBLE_DATE(Check.CONTRACT),
    /** A record from a source the format does not know. */
    UNKNOWN_SOURCE(Check.CONTRACT),
    /** A region code of five digits. */
    FIVE_DIGIT_REGION(Check.CONTRACT),
    /** Social insurance with a negative number of months paid. */
    NEGATIVE_MONTHS(Check.CONTRACT),
    /** A record retrieved after the as-of date (the certification service refuses it). */
    RETRIEVED_AFTER_AS_OF(Check.SERVICE),
    /** A CSCSE record certifying an education record the person does not have (the service refuses it). */
    CSCSE_WITHOUT_EDUCATION(Check.SERVICE);

    /** What catches a bad entry: reading the file, the contract's schema, or the service's checks of the records. */
    enum Check { READING, CONTRACT, SERVICE }

    static final String UNKNOWN_SOURCE_NAME = "TAX_REGISTRY";

    private final Check caughtBy;

    BadEntry(Check caughtBy) {
        this.caughtBy = caughtBy;
    }

    Check caughtBy() {
        return caughtBy;
    }

    /** Spoils the person's JSON (the kinds that are still readable); {@code number} is the digits of their id. */
    void damage(ObjectNode person, String number, LocalDate asOf, SplitMix rng) {
        List<ObjectNode> records = new java.util.ArrayList<>();
        ((ArrayNode) person.get("records")).forEach(r -> records.add((ObjectNode) r));
        switch (this) {
            case MISSING_PERSON_ID -> person.remove("personId");
            case IMPOSSIBLE_DATE -> {
                ObjectNode hukou = first(records, "HUKOU", "birthDate");
                if (hukou != null) {
                    hukou.put("birthDate", hukou.get("birthDate").asText().substring(0, 4) + "-02-30");
                } else {
                    rng.pick(records).put("retrievedOn", asOf.getYear() + "-02-30");
                }
            }
            case UNKNOWN_SOURCE -> rng.pick(records).put("source", UNKNOWN_SOURCE_NAME);
            case FIVE_DIGIT_REGION -> {
                for (String field : List.of("hukouRegion", "employerRegion", "region", "stationRegion")) {
                    for (ObjectNode r : records) {
                        if (r.has(field)) {
                            r.put(field, r.get(field).asText().substring(0, 5));
                            return;
                        }
                    }
                }
                ObjectNode added = added(person, "SOCIAL_INSURANCE", "SI-" + number, asOf);
                added.put("region", "37010");
            }
            case NEGATIVE_MONTHS -> {
                ObjectNode insurance = first(records, "SOCIAL_INSURANCE", null);
                if (insurance == null) {
                    insurance = added(person, "SOCIAL_INSURANCE", "SI-" + number, asOf);
                }
                insurance.put("monthsPaid", -rng.between(1, 24));
            }
            case RETRIEVED_AFTER_AS_OF -> rng.pick(records).put("retrievedOn", asOf.plusDays(rng.between(1, 30)).toString());
            case CSCSE_WITHOUT_EDUCATION -> {
                ObjectNode cscse = first(records, "CSCSE", null);
                if (cscse == null) {
                    cscse = added(person, "CSCSE", "CS-" + number + "-9", asOf);
                    cscse.put("certified", true);
                }
                cscse.put("degreeRecordId", "EDU-" + number + "-9");
            }
            default -> {
                // NOT_JSON and TRUNCATED spoil the line, not the content
            }
        }
    }

    /** The JSON Lines line as written for this kind. */
    String line(String json, SplitMix rng) {
        return switch (this) {
            case NOT_JSON -> json.replace('"', '\'');
            case TRUNCATED -> json.substring(0, rng.between(json.length() / 4, json.length() - 2));
            default -> json;
        };
    }

    /** The CSV rows as written for this kind (the cells of each row, in header order). */
    void rows(List<String[]> rows, SplitMix rng) {
        if (this == TRUNCATED) {
            int last = rows.size() - 1;
            String[] row = rows.get(last);
            rows.set(last, java.util.Arrays.copyOf(row, rng.between(2, row.length - 1)));
        } else if (this == NOT_JSON) {
            // a cell written with a comma and no quotes: one cell too many
            int r = rng.nextInt(rows.size());
            String[] row = rows.get(r);
            int split = 1; // the source cell is never empty; prefer a longer one
            for (int c = 1; c < row.length; c++) {
                if (row[c].length() > row[split].length()) {
                    split = c;
                }
            }
            String[] longer = new String[row.length + 1];
            System.arraycopy(row, 0, longer, 0, split);
            longer[split] = row[split].substring(0, row[split].length() / 2);
            longer[split + 1] = row[split].substring(row[split].length() / 2);
            System.arraycopy(row, split + 1, longer, split + 2, row.length - split - 1);
            rows.set(r, longer);
        }
    }

    private static ObjectNode first(List<ObjectNode> records, String source, String field) {
        for (ObjectNode r : records) {
            if (source.equals(r.path("source").asText()) && (field == null || r.has(field))) {
                return r;
            }
        }
        return null;
    }

    private static ObjectNode added(ObjectNode person, String source, String recordId, LocalDate asOf) {
        ObjectNode r = ((ArrayNode) person.get("records")).addObject();
        r.put("source", source);
        r.put("recordId", recordId);
        r.put("retrievedOn", asOf.toString());
        return r;
    }
}
