package cn.talentpolicy.sweeps;

import cn.talentpolicy.evaluation.RequestSchema;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.sweeps.Population.Entry;
import cn.talentpolicy.sweeps.Population.UnreadableEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** CSV population files: the documented header, one row per record, a person's rows consecutive. */
class CsvPopulationTests {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String HEADER = "personId,source,recordId,retrievedOn,birthDate,hukouRegion,employerName,"
            + "homesOwnedRegions,entries.policyId,entries.part,entries.monthsPaid,entries.amountPaid";

    @TempDir
    Path dir;

    @Test
    void aPersonsRowsAreOneEntryStartingOnTheLineOfTheFirstRow() throws Exception {
        List<Entry> entries = read("""
                personId,source,recordId,retrievedOn,birthDate,hukouRegion
                P1,HUKOU,HK-1,2026-11-20,1998-05-01,370102
                P1,HUKOU,HK-2,2026-11-21,,370103

                P2,HUKOU,HK-3,2026-11-22,1990-01-31,
                """);

        assertThat(entries).extracting(Entry::line).containsExactly(2L, 5L);
        assertThat(entries.get(0).json(JSON)).isEqualTo(JSON.readTree("""
                {"personId": "P1", "records": [
                  {"source": "HUKOU", "recordId": "HK-1", "retrievedOn": "2026-11-20", "birthDate": "1998-05-01",
                   "hukouRegion": "370102"},
                  {"source": "HUKOU", "recordId": "HK-2", "retrievedOn": "2026-11-21", "hukouRegion": "370103"}]}
                """));
        assertThat(entries.get(1).json(JSON).at("/records/0/birthDate").asText()).isEqualTo("1990-01-31");
        assertThat(entries.get(1).json(JSON).at("/records/0").has("hukouRegion")).as("an empty cell is left out")
                .isFalse();
    }

    @Test
    void aQuotedCellHoldsCommasQuotesAndLineBreaks() throws Exception {
        List<Entry> entries = read("""
                personId,source,recordId,retrievedOn,employerName
                P1,EMPLOYER_REGISTRY,EMP-1,2026-11-20,"Jinan Huaxin Technology Co., Ltd."
                P1,SOCIAL_INSURANCE,SI-1,2026-11-20,"The ""Quoted"" Works
                Second Site"
                P2,SOCIAL_INSURANCE,SI-2,2026-11-20,Plain
                """);

        JsonNode p1 = entries.get(0).json(JSON);
        assertThat(p1.at("/records/0/employerName").asText()).isEqualTo("Jinan Huaxin Technology Co., Ltd.");
        assertThat(p1.at("/records/1/employerName").asText()).isEqualTo("The \"Quoted\" Works\nSecond Site");
        assertThat(entries.get(1).line()).as("the line break inside the cell counts as a line").isEqualTo(5);
    }

    @Test
    void rowsOfOneLedgerRecordAreMergedIntoItsEntries() throws Exception {
        JsonNode person = read(HEADER + """

                P1,SUBSIDY_LEDGER,LG-1,2026-11-27,,,,,jinan_living_subsidy,,12,
                P1,HUKOU,HK-1,2026-11-20,1998-05-01,370102,,,,,,
                P1,SUBSIDY_LEDGER,LG-1,2026-11-27,,,,,zibo_graduate_subsidy,home,,80000.50
                P1,SUBSIDY_LEDGER,LG-2,2026-11-27,,,,,,,,
                """).get(0).json(JSON);

        assertThat(person.get("records")).hasSize(3);
        assertThat(person.at("/records/0")).isEqualTo(JSON.readTree("""
                {"source": "SUBSIDY_LEDGER", "recordId": "LG-1", "retrievedOn": "2026-11-27", "entries": [
                  {"policyId": "jinan_living_subsidy", "monthsPaid": 12},
                  {"policyId": "zibo_graduate_subsidy", "part": "home", "amountPaid": 80000.50}]}
                """));
        assertThat(person.at("/records/2/entries")).as("a ledger row with no entry cells: a ledger with no entries")
                .isEmpty();
    }

    @Test
    void rowsOfOneLedgerRecordMustAgreeOnEverythingButTheEntry() throws Exception {
        Entry entry = read(HEADER + """

                P1,SUBSIDY_LEDGER,LG-1,2026-11-27,,,,,jinan_living_subsidy,,12,
                P1,SUBSIDY_LEDGER,LG-1,2026-11-28,,,,,jinan_rent_subsidy,,3,
                """).get(0);

        UnreadableEntry unreadable = catchThrowableOfType(() -> entry.json(JSON), UnreadableEntry.class);
        assertThat(unreadable.field()).isEqualTo("retrievedOn");
        assertThat(unreadable.getMessage()).startsWith("line 3: the column 'retrievedOn' of ledger record 'LG-1'")
                .contains("(line 2)");
    }

    @Test
    void aListCellIsSplitOnSemicolonsAndADashIsTheKnownEmptyList() throws Exception {
        JsonNode person = read(HEADER + """

                P1,PROPERTY_REGISTRY,PR-1,2026-11-20,,,,370102;370212,,,,
                P1,PROPERTY_REGISTRY,PR-2,2026-11-20,,,,-,,,,
                P1,PROPERTY_REGISTRY,PR-3,2026-11-20,,,,,,,,
                """).get(0).json(JSON);

        assertThat(person.at("/records/0/homesOwnedRegions")).isEqualTo(JSON.readTree("[\"370102\", \"370212\"]"));
        assertThat(person.at("/records/1/homesOwnedRegions")).isEqualTo(JSON.createArrayNode());
        assertThat(person.at("/records/2").has("homesOwnedRegions")).isFalse();
    }

    @Test
    void cellsTakeTheirColumnsTypeAndACellNotOfItIsLeftForTheContractToName() throws Exception {
        JsonNode person = read("""
                source,recordId,personId,retrievedOn,monthsPaid,selfDeclared,entries.monthsPaid,entries.policyId
                SOCIAL_INSURANCE,SI-1,P1,2026-11-20,26,true,,
                SUBSIDY_LEDGER,LG-1,P1,2026-11-27,,yes,abc,jinan_rent_subsidy
                """).get(0).json(JSON);

        assertThat(person.at("/records/0/monthsPaid").isInt()).isTrue();
        assertThat(person.at("/records/0/selfDeclared").isBoolean()).isTrue();
        assertThat(person.at("/records/1/entries/0/monthsPaid").asText()).isEqualTo("abc");
        List<FieldProblem> problems = RequestSchema.bundled().check("CertificationRequest", person);
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("records[1].entries[0].monthsPaid", "records[1].selfDeclared");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsMakesItsPersonUnreadableNamingTheLine() throws Exception {
        List<Entry> entries = read("""
                personId,source,recordId,retrievedOn,employerName
                P1,EMPLOYER_REGISTRY,EMP-1,2026-11-20,Jinan Huaxin Technology Co., Ltd.
                P2,EMPLOYER_REGISTRY,EMP-2,2026-11-20
                P2,SOCIAL_INSURANCE,SI-2,2026-11-20,Plain
                P3,SOCIAL_INSURANCE,SI-3,2026-11-20,Plain
                """);

        assertThat(entries).extracting(Entry::line).containsExactly(2L, 3L, 5L);
        assertThat(catchThrowableOfType(() -> entries.get(0).json(JSON), UnreadableEntry.class))
                .hasMessage("line 2: 6 cells, but the header has 5 columns (a cell holding a comma must be quoted)");
        assertThat(catchThrowableOfType(() -> entries.get(1).json(JSON), UnreadableEntry.class))
                .hasMessageStartingWith("line 3: 4 cells, but the header has 5 columns");
        assertThat(entries.get(2).json(JSON).at("/personId").asText()).isEqualTo("P3");
    }

    @Test
    void aQuoteLeftOpenSpoilsOnlyItsRowAndTheLinesAfterItAreReadAgain() throws Exception {
        List<Entry> entries = read("""
                personId,source,recordId,retrievedOn,employerName
                P1,EMPLOYER_REGISTRY,EMP-1,2026-11-20,"Jinan Huaxin
                P2,SOCIAL_INSURANCE,SI-2,2026-11-20,Plain
                P3,SOCIAL_INSURANCE,SI-3,2026-11-20,"Bad"quote
                P4,SOCIAL_INSURANCE,SI-4,2026-11-20,Plain
                """);

        assertThat(entries).extracting(Entry::line).containsExactly(2L, 3L, 5L);
        assertThat(catchThrowableOfType(() -> entries.get(0).json(JSON), UnreadableEntry.class))
                .hasMessageStartingWith("line 2: the quoted cell 5 is not closed");
        UnreadableEntry afterQuote = catchThrowableOfType(() -> entries.get(1).json(JSON), UnreadableEntry.class);
        assertThat(afterQuote).as("a row too damaged to name its person belongs with the rows before it")
                .hasMessageStartingWith("line 4: text after the closing quote of cell 5");
        assertThat(entries.get(2).json(JSON).at("/personId").asText()).isEqualTo("P4");
    }

    @Test
    void aLineTooLongToHoldIsAnUnreadableRowOfItsOwnAndNoOtherLineIsLost() throws Exception {
        String tooLong = "x".repeat(Lines.MAX_CHARS + 1);
        List<Entry> entries = read("personId,source,recordId,retrievedOn,employerName\n"
                + "P1,EMPLOYER_REGISTRY,EMP-1,2026-11-20,Plain\n"
                + "P2,EMPLOYER_REGISTRY,EMP-2,2026-11-20,\"" + tooLong + "\"\n"   // line 3
                + "P3,EMPLOYER_REGISTRY,EMP-3,2026-11-20,Plain\n"
                + "P4,EMPLOYER_REGISTRY,EMP-4,2026-11-20,\"Jinan\n"               // line 5: a quote left open
                + "P5,EMPLOYER_REGISTRY,EMP-5,2026-11-20,Plain\n"
                + tooLong + "\n"                                                  // line 7
                + "P6,EMPLOYER_REGISTRY,EMP-6,2026-11-20,Plain\n");

        // a row too damaged to name its person belongs with the rows before it, and is named
        assertThat(entries).extracting(Entry::line).containsExactly(2L, 4L, 6L, 8L);
        assertThat(catchThrowableOfType(() -> entries.get(0).json(JSON), UnreadableEntry.class))
                .hasMessage("line 3 is longer than 262,144 characters and was not read");
        assertThat(catchThrowableOfType(() -> entries.get(1).json(JSON), UnreadableEntry.class))
                .hasMessageStartingWith("line 5: the quoted cell 5 is not closed");
        assertThat(catchThrowableOfType(() -> entries.get(2).json(JSON), UnreadableEntry.class))
                .as("the line after the open quote is read again; the long line is a row of its own")
                .hasMessage("line 7 is longer than 262,144 characters and was not read");
        assertThat(entries.get(3).json(JSON).at("/personId").asText()).isEqualTo("P6");
    }

    @Test
    void anUnknownColumnFailsTheWholeFileAtOpenNamingIt() throws IOException {
        Path file = write("personId,source,recordId,retrievedOn,monthPaid\nP1,HUKOU,HK-1,2026-11-20,\n");

        assertThatThrownBy(() -> Population.open(file, Population.Format.CSV))
                .isInstanceOf(CsvPopulation.UnreadableHeader.class)
                .hasMessageStartingWith("line 1: unknown column 'monthPaid' (the columns are: personId, source,");
    }

    @Test
    void aHeaderNeedsTheProvenanceColumnsAndNamesEachColumnOnce() throws IOException {
        Path noRecordId = write("personId,source,retrievedOn\n");
        Path twice = write("personId,source,recordId,retrievedOn,source\n");

        assertThatThrownBy(() -> Population.open(noRecordId, Population.Format.CSV))
                .hasMessage("line 1: the header has no 'recordId' column (personId, source, recordId, retrievedOn "
                        + "are required)");
        assertThatThrownBy(() -> Population.open(twice, Population.Format.CSV))
                .hasMessage("line 1: the column 'source' appears twice");
    }

    @Test
    void anEmptyFileHoldsNobody() throws IOException {
        try (Population population = Population.open(write(""), Population.Format.CSV)) {
            assertThat(population.next()).isNull();
        }
    }

    @Test
    void theExampleCertificationRequestsSurviveAWriteAndARead() throws Exception {
        for (String example : List.of("certification-overseas-postdoc", "certification-stale-insurance")) {
            ObjectNode request = (ObjectNode) JSON.readTree(Path.of("api-spec/examples", example + ".request.json")
                    .toFile());
            request.remove(List.of("asOf", "policies"));
            StringWriter csv = new StringWriter();
            CsvPopulationWriter writer = new CsvPopulationWriter(csv);
            writer.writeHeader();
            writer.write(request);

            List<Entry> entries = read(csv.toString());

            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).json(JSON)).as(example).isEqualTo(request);
        }
    }

    @Test
    void theWriterRefusesAFieldNoColumnHolds() throws Exception {
        JsonNode person = JSON.readTree("""
                {"personId": "P1", "records": [{"source": "HUKOU", "recordId": "HK-1", "retrievedOn": "2026-11-20",
                 "hukouCity": "Jinan"}]}
                """);

        assertThatThrownBy(() -> CsvPopulationWriter.rows(person)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hukouCity'");
    }

    /**
     * The columns are the contract's record fields, with the contract's types: a field added to a record schema
     * without a column (or the other way round) fails here.
     */
    @Test
    void theColumnsAreTheContractsRecordFieldsWithTheirTypes() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("api-spec/openapi.yaml").toFile());
        Map<String, String> contract = new TreeMap<>();
        contract.put(CsvColumns.PERSON_ID, "string");
        for (JsonNode branch : spec.at("/components/schemas/GovernmentRecord/oneOf")) {
            fields(spec, resolve(spec, branch).get("properties"), "", contract);
        }
        Map<String, String> columns = new TreeMap<>();
        CsvColumns.ALL.forEach(c -> columns.put(c.name(), switch (c.type()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case DECIMAL -> "number";
            case LIST -> "array";
        }));

        assertThat(columns).isEqualTo(contract);
    }

    private static void fields(JsonNode spec, JsonNode properties, String prefix, Map<String, String> out) {
        properties.fields().forEachRemaining(p -> {
            JsonNode schema = resolve(spec, p.getValue());
            String type = schema.has("type") ? schema.get("type").asText() : "string"; // an enum or a const
            JsonNode items = schema.has("items") ? resolve(spec, schema.get("items")) : null;
            if (type.equals("object")) {
                fields(spec, schema.get("properties"), prefix + p.getKey() + ".", out);
            } else if (items != null && "object".equals(items.path("type").asText())) {
                fields(spec, items.get("properties"), prefix + p.getKey() + ".", out);
            } else {
                String before = out.put(prefix + p.getKey(), type);
                assertThat(before).as("two record schemas give %s different types", p.getKey()).isIn(null, type);
            }
        });
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        return schema.has("$ref") ? resolve(spec, spec.at(schema.get("$ref").asText().substring(1))) : schema;
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "people", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private List<Entry> read(String csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Population population = Population.open(write(csv), Population.Format.CSV)) {
            for (Entry e = population.next(); e != null; e = population.next()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
