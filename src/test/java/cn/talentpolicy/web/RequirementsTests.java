package cn.talentpolicy.web;

import cn.talentpolicy.facts.Dates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What would change the answer" is derived by the page (js/requirements.js) from the rules' own metadata, not
 * written per policy. This runs the derivation, in the browser, over every criterion that does not pass for
 * every person in the policy cases (rules/*&#47;tests, which between them produce every reason code), in both
 * languages: every message is recognised as its rule's template, every requirement is a filled-in sentence,
 * and every date a window or an age limit implies agrees with facts/Dates.java. The derived sentences are
 * written to target/requirements.txt for reading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequirementsTests extends BrowserTestBase {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    static final String DERIVE_ALL = """
            const cases = JSON.parse(arguments[0]);
            const done = arguments[arguments.length - 1];
            const { requirements, catalogue } = window.talentChecker;
            (async () => {
              const rows = [];
              const seen = new Set();
              for (const c of cases) {
                const response = await fetch('api/v1/evaluations', { method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ asOf: c.asOf, person: c.person, explain: false }) });
                const evaluation = await response.json();
                const policies = new Map((await catalogue(evaluation.asOf)).policies.map(p => [p.policyId, p]));
                for (const d of evaluation.decisions) {
                  for (const merged of d.criteria) {
                    if (merged.status === 'PASS') continue;
                    // read each way an omitted fact could be: the reading the requirement is read from
                    const reading = (merged.readings || []).find(x => x.status !== 'PASS');
                    const r = reading ? { ...merged, status: reading.status, reasonCode: reading.reasonCode,
                      message: reading.message } : merged;
                    const policy = policies.get(d.policyId);
                    const definition = policy.parts.find(p => p.part === r.part).criteria.find(x => x.criterion === r.criterion);
                    const reason = definition.reasons.find(x => x.reasonCode === r.reasonCode);
                    for (const lang of ['zh', 'en']) {
                      const key = [d.policyId, r.reasonCode, lang, r.message[lang]].join('|');
                      if (seen.has(key)) continue;
                      seen.add(key);
                      const found = requirements.requirement(merged, policy, evaluation.asOf, lang);
                      rows.push({ case: c.name, asOf: evaluation.asOf, policyId: d.policyId, criterion: r.criterion,
                        reasonCode: r.reasonCode, status: r.status, lang, message: r.message[lang],
                        bound: requirements.bind(reason.message[lang], r.message[lang]) !== null,
                        text: found.text, basis: found.basis, parameter: found.parameter && found.parameter.key });
                    }
                  }
                }
              }
              done(JSON.stringify(rows));
            })().catch(e => done('ERROR ' + e.stack));
            """;

    @Test
    void everyCriterionThatDoesNotPassStatesItsRequirementDerivedFromTheRules() throws IOException {
        CheckerPage page = new CheckerPage(browser.driver, port).open("");
        Object answer = ((JavascriptExecutor) browser.driver).executeAsyncScript(DERIVE_ALL, cases().toString());
        assertThat(answer).asString().doesNotStartWith("ERROR");
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree((String) answer).forEach(rows::add);
        writeReport(rows);

        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("bound").asBoolean()).as("%s is its rule's template filled in", row.get("message")).isTrue();
            assertThat(row.get("text").asText()).as("requirement for %s", row).isNotBlank()
                    .doesNotContain("{$").doesNotContain("{fact");
        });

        JsonNode listing = JSON.readTree(java.net.URI.create("http://localhost:" + port + "/api/v1/policies").toURL().openStream());
        Set<String> reasons = new TreeSet<>();
        listing.get("policies").forEach(p -> p.get("parts").forEach(part -> part.get("criteria").forEach(c ->
                c.get("reasons").forEach(r -> {
                    if (!r.get("status").asText().equals("PASS")) {
                        reasons.add(p.get("policyId").asText() + " " + r.get("reasonCode").asText());
                    }
                }))));
        Set<String> derived = new TreeSet<>();
        rows.forEach(row -> derived.add(row.get("policyId").asText() + " " + row.get("reasonCode").asText()));
        assertThat(derived).as("every FAIL and UNKNOWN reason of every policy was derived").containsAll(reasons);

        Pattern date = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
        Pattern years = Pattern.compile("(\\d+) (?:years|年)");
        rows.stream().filter(row -> row.get("lang").asText().equals("en")).forEach(row -> {
            String text = row.get("text").asText();
            LocalDate asOf = LocalDate.parse(row.get("asOf").asText());
            if (text.startsWith("graduated on or after")) {
                Matcher d = date.matcher(text);
                Matcher n = years.matcher(row.get("basis").asText());
                assertThat(d.find() && n.find()).as("date and window in %s", row).isTrue();
                LocalDate earliest = LocalDate.parse(d.group(1));
                int window = Integer.parseInt(n.group(1));
                assertThat(Dates.withinYears(earliest, window, asOf)).as("%s", row).isTrue();
                assertThat(Dates.withinYears(earliest.minusDays(1), window, asOf)).as("%s", row).isFalse();
            }
            if (text.startsWith("born after")) {
                Matcher d = date.matcher(text);
                Matcher limit = Pattern.compile("under (\\d+)").matcher(row.get("basis").asText());
                assertThat(d.find() && limit.find()).as("date and limit in %s", row).isTrue();
                LocalDate latest = LocalDate.parse(d.group(1));
                int age = Integer.parseInt(limit.group(1));
                assertThat(Dates.ageOn(latest, asOf)).as("%s", row).isGreaterThanOrEqualTo(age);
                assertThat(Dates.ageOn(latest.plusDays(1), asOf)).as("%s", row).isLessThan(age);
            }
        });
        assertThat(rows).filteredOn(row -> row.get("reasonCode").asText().equals("OUTSIDE_GRADUATION_WINDOW"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.get("text").asText())
                        .containsPattern("^(graduated on or after|\\d{4}-\\d{2}-\\d{2}（含）以后毕业)"));
        assertThat(rows).filteredOn(row -> row.get("reasonCode").asText().equals("AGE_LIMIT_REACHED"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.get("text").asText()).containsPattern("born after|以后出生"));
    }

    /** Every policy case's person and as-of date, named by file and sentence. */
    static ArrayNode cases() throws IOException {
        ArrayNode all = JSON.createArrayNode();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("tests")
                    && f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode c : YAML.readTree(file.toFile()).get("cases")) {
                    ObjectNode one = all.addObject();
                    one.put("name", file.getFileName() + ": " + c.get("case").asText());
                    one.set("asOf", c.get("asOf"));
                    one.set("person", c.get("person"));
                }
            }
        }
        return all;
    }

    static void writeReport(List<JsonNode> rows) throws IOException {
        StringBuilder out = new StringBuilder("What would change the answer, as the page derives it from the rules\n\n");
        rows.stream().sorted(java.util.Comparator.comparing((JsonNode r) -> r.get("policyId").asText())
                        .thenComparing(r -> r.get("criterion").asText()).thenComparing(r -> r.get("reasonCode").asText())
                        .thenComparing(r -> r.get("lang").asText()))
                .forEach(r -> out.append(String.format("%s %s %s [%s]%n  message:     %s%n  requirement: %s%s%s%n",
                        r.get("policyId").asText(), r.get("criterion").asText(), r.get("reasonCode").asText(),
                        r.get("lang").asText(), r.get("message").asText(), r.get("text").asText(),
                        r.get("basis").isNull() ? "" : "\n  basis:       " + r.get("basis").asText(),
                        r.get("parameter").isNull() ? "" : "\n  parameter:   " + r.get("parameter").asText())));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/requirements.txt"), out);
    }
}
