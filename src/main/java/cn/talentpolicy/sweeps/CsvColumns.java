package cn.talentpolicy.sweeps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The documented header of a CSV population file (see {@code api-spec/population.md}): one row per record, the
 * provenance columns first, then every record field by its JSON name, nested objects by dotted names
 * ({@code enclave.recognised}, {@code purchase.price}) and a ledger's entries as {@code entries.*}, one row per
 * entry. A column's type says how a cell becomes JSON; the consistency test holds it to the contract's schemas.
 */
final class CsvColumns {

    /** How a cell is turned into a JSON value. */
    enum Type {
        /** Taken as written. */
        STRING,
        /** {@code true} or {@code false}; anything else is kept as a string for the contract check to name. */
        BOOLEAN,
        /** A whole number; anything that is not a JSON number is kept as a string. */
        INTEGER,
        /** A decimal number; anything that is not a JSON number is kept as a string. */
        DECIMAL,
        /** Region codes joined with {@code ;}; a single {@code -} is the known-empty list. */
        LIST
    }

    /** A column: its header name and type; a dotted name is a field of a nested object or of a ledger entry. */
    record Column(String name, Type type) {

        /** The nested object ({@code enclave}, {@code purchase}, {@code entries}), or null for a record field. */
        String parent() {
            int dot = name.indexOf('.');
            return dot < 0 ? null : name.substring(0, dot);
        }

        /** The field's JSON name inside its record or nested object. */
        String field() {
            return name.substring(name.indexOf('.') + 1);
        }
    }

    static final String PERSON_ID = "personId";
    static final String SOURCE = "source";
    static final String RECORD_ID = "recordId";
    static final String RETRIEVED_ON = "retrievedOn";
    static final String ENTRIES = "entries";
    static final String LEDGER = "SUBSIDY_LEDGER";
    /** The cell that says "known to be empty" in a list column (an empty cell means the field is omitted). */
    static final String EMPTY_LIST = "-";
    static final String LIST_SEPARATOR = ";";

    /** Every column, in the documented order; the writer writes them all, a reader accepts any subset. */
    static final List<Column> ALL = List.of(
            // provenance, on every row
            s(PERSON_ID), s(SOURCE), s(RECORD_ID), s(RETRIEVED_ON), b("selfDeclared"),
            // HUKOU
            s("birthDate"), s("nationality"), s("hukouRegion"),
            // EDUCATION_REGISTRY
            s("level"), b("fullTime"), s("graduationDate"), s("institution"), b("overseas"), b("doubleFirstClass"),
            b("shortageMajor"),
            // CSCSE
            s("degreeRecordId"), b("certified"),
            // TITLE_REGISTRY
            s("professionalTitle"), s("skillLevel"),
            // HONOURS_REGISTRY
            s("honour"),
            // SOCIAL_INSURANCE (employerName is also the EMPLOYER_REGISTRY field of that name)
            s("region"), s("employerName"), i("monthsPaid"),
            // EMPLOYER_REGISTRY
            s("employerRegion"), s("employerType"), b("onEstablishment"), s("startDate"), i("contractYears"),
            s("specialZone"), s("enclave.parentEmployerRegion"), b("enclave.recognised"), b("dualRegistration"),
            // PROPERTY_REGISTRY
            new Column("homesOwnedRegions", Type.LIST), b("boughtSubsidisedHousing"), s("purchase.region"),
            s("purchase.date"), d("purchase.price"), b("purchase.firstHomeInCity"),
            // SUBSIDY_LEDGER: one row per entry
            s("entries.policyId"), s("entries.part"), i("entries.monthsPaid"), d("entries.amountPaid"),
            // POSTDOC_REGISTRY
            s("entryDate"), s("exitDate"), s("stationRegion"));

    /** The columns a header must have: who the row is about and which record it is. */
    static final List<String> REQUIRED = List.of(PERSON_ID, SOURCE, RECORD_ID, RETRIEVED_ON);

    static final Map<String, Column> BY_NAME;
    /** The nested objects the dotted columns fill. */
    static final Set<String> PARENTS;

    static {
        Map<String, Column> byName = new LinkedHashMap<>();
        ALL.forEach(c -> byName.put(c.name(), c));
        BY_NAME = Collections.unmodifiableMap(byName);
        Set<String> parents = new LinkedHashSet<>();
        ALL.stream().map(Column::parent).filter(Objects::nonNull).forEach(parents::add);
        PARENTS = Collections.unmodifiableSet(parents);
    }

    /** The documented header line (without its line end). */
    static String header() {
        return String.join(",", BY_NAME.keySet());
    }

    private static Column s(String name) {
        return new Column(name, Type.STRING);
    }

    private static Column b(String name) {
        return new Column(name, Type.BOOLEAN);
    }

    private static Column i(String name) {
        return new Column(name, Type.INTEGER);
    }

    private static Column d(String name) {
        return new Column(name, Type.DECIMAL);
    }

    private CsvColumns() {
    }
}
