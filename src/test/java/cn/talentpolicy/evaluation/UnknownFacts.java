package cn.talentpolicy.evaluation;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Nationality;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.PersonDto;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * "Unknown only when it could matter", checked by filling in what a request leaves out. A scenario is a complete
 * person (as the API takes it, in JSON) with one or two facts omitted; the person is evaluated with them omitted
 * and under every filling of them (each enum value, true and false, a few regions, dates on either side of every
 * threshold the person could meet), every policy, and the answers are held to the convention:
 * <ul>
 *   <li><b>soundness</b>: a criterion that PASSes or FAILs with the facts omitted does so under every filling, and
 *       an ELIGIBLE or INELIGIBLE decision is the decision of every filling (with the same amounts);</li>
 *   <li><b>precision</b>: a criterion UNKNOWN with the facts omitted PASSes under some filling and FAILs under
 *       another, and a NEEDS_INFO is not the one decision every filling gives;</li>
 *   <li><b>minimality</b>: every fact a NEEDS_INFO lists was omitted and changes the decision under some filling
 *       (two fillings that differ only in it decide differently), and every omitted fact that does is listed.</li>
 * </ul>
 * A failing scenario is shrunk (facts, degrees and sections taken away while it still fails the same way) and
 * printed as a policy case, a sentence and data, to paste beside the policy.
 */
final class UnknownFacts {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final List<LocalDate> AS_OF = List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2024, 3, 1),
            LocalDate.of(2022, 9, 1), LocalDate.of(2021, 12, 20));
    /** Districts of the cities the catalogue covers, another Shandong city's, and one outside the province. */
    static final List<String> REGIONS = List.of("370102", "370112", "370202", "370212", "370302", "370902",
            "370602", "110101");
    static final List<String> LEVELS = List.of("JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTORATE");
    /** Years on either side of a date that a window or an age limit could be counted in. */
    static final List<Integer> AGES_AND_WINDOWS = List.of(0, 1, 2, 3, 5, 18, 22, 25, 28, 30, 35, 36, 40, 45);
    static final List<Integer> WINDOWS = List.of(0, 1, 2, 3, 5);

    /** A person with some of their facts omitted (JSON pointers into {@code person}). */
    record Scenario(long seed, LocalDate asOf, ObjectNode person, List<String> omitted) {
        @Override
        public String toString() {
            return "seed " + seed + ", as of " + asOf + ", omitted " + omitted + ": " + person;
        }
    }

    /** What a scenario breaks. */
    record Violation(String property, String policyId, String detail) {
    }

    private final Ruleset ruleset;
    private final List<LocalDate> calendar;
    private final List<String> policies;

    UnknownFacts(Ruleset ruleset, Path rules) {
        this.ruleset = ruleset;
        this.calendar = calendar(rules);
        this.policies = ruleset.sortedPolicies().stream()
                .filter(p -> p.kind() == PolicyDefinition.Kind.DECISION).map(PolicyDefinition::id).toList();
    }

    /** Every date the rules folder's parameters and policies name: versions and in-force dates are thresholds. */
    private static List<LocalDate> calendar(Path rules) {
        Set<LocalDate> dates = new TreeSet<>();
        Pattern date = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("/tests/"))
                    .toList()) {
                Matcher m = date.matcher(Files.readString(file));
                while (m.find()) {
                    try {
                        dates.add(LocalDate.parse(m.group(1)));
                    } catch (java.time.format.DateTimeParseException ignored) {
                        // not a date after all
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(dates);
    }

    // ---- generating

    /** A complete person of the kind the catalogue judges, with one or two facts omitted. */
    static Scenario generate(long seed) {
        Random r = new Random(seed);
        LocalDate asOf = AS_OF.get(r.nextInt(AS_OF.size()));
        ObjectNode p = JSON.createObjectNode();
        p.put("id", "u" + Long.toHexString(seed));
        p.put("birthDate", asOf.minusYears(21 + r.nextInt(30)).minusDays(r.nextInt(365)).toString());
        Nationality nationality = r.nextInt(10) == 0 ? pick(r, Nationality.values()) : Nationality.MAINLAND;
        p.put("nationality", nationality.name());
        String employer = REGIONS.get(r.nextInt(REGIONS.size()));
        if (nationality == Nationality.MAINLAND) { // only the mainland's people have a hukou (consistent, below)
            p.put("hukouRegion", r.nextBoolean() ? employer : REGIONS.get(r.nextInt(REGIONS.size())));
        }
        ArrayNode degrees = p.putArray("degrees");
        int level = r.nextInt(LEVELS.size());
        LocalDate graduated = r.nextInt(5) == 0
                ? asOf.minusYears(WINDOWS.get(1 + r.nextInt(WINDOWS.size() - 1))).minusDays(r.nextInt(2))
                : asOf.minusYears(r.nextInt(12)).minusDays(r.nextInt(365));
        if (level > 0 && r.nextInt(3) == 0) { // an earlier, lower degree too
            degrees.add(degree(r, LEVELS.get(r.nextInt(level)), graduated.minusYears(2 + r.nextInt(3))));
        }
        degrees.add(degree(r, LEVELS.get(level), graduated));
        ObjectNode employment = p.putObject("employment");
        employment.put("employerRegion", employer);
        EmployerType type = r.nextInt(10) < 7 ? EmployerType.ENTERPRISE : pick(r, EmployerType.values());
        employment.put("employerType", type.name());
        employment.put("onEstablishment", (type == EmployerType.PUBLIC_INSTITUTION || type == EmployerType.GOVERNMENT)
                && r.nextBoolean());
        LocalDate started = min(graduated.plusDays(r.nextInt(3 * 365)), asOf.minusDays(1 + r.nextInt(30)));
        employment.put("startDate", started.toString());
        employment.put("contractYears", 1 + r.nextInt(5));
        p.putObject("socialInsurance").put("region", r.nextInt(5) < 4 ? employer : REGIONS.get(r.nextInt(REGIONS.size())));
        ObjectNode housing = p.putObject("housing");
        ArrayNode homes = housing.putArray("homesOwnedRegions");
        if (r.nextInt(5) == 0) {
            homes.add(REGIONS.get(r.nextInt(REGIONS.size())));
        }
        housing.put("boughtSubsidisedHousing", r.nextInt(10) == 0);
        if (r.nextInt(4) == 0) {
            ObjectNode purchase = housing.putObject("purchase");
            purchase.put("region", employer);
            purchase.put("date", min(started.plusDays(r.nextInt(3 * 365)), asOf).toString());
            purchase.put("price", 500_000 + r.nextInt(1_500_000));
            purchase.put("firstHomeInCity", r.nextInt(5) > 0);
        }
        if (r.nextInt(10) == 0) {
            p.put("professionalTitle", pick(r, cn.talentpolicy.facts.ProfessionalTitle.values()).name());
        }
        if (r.nextInt(20) == 0) {
            p.putArray("honours").add(pick(r, cn.talentpolicy.facts.Honour.values()).name());
        }
        List<String> omittable = omittable(p);
        List<String> omitted = new ArrayList<>();
        int count = r.nextInt(5) < 3 ? 1 : 2;
        while (omitted.size() < count && omitted.size() < omittable.size()) {
            String path = omittable.get(r.nextInt(omittable.size()));
            boolean date = isDate(path);
            boolean hasDate = omitted.stream().anyMatch(UnknownFacts::isDate);
            // dates are filled with many values: at most one a scenario, and in a fifth of them
            if (!omitted.contains(path) && !(date && (hasDate || r.nextInt(5) > 0))) {
                omitted.add(path);
            }
        }
        return new Scenario(seed, asOf, p, List.copyOf(omitted));
    }

    private static ObjectNode degree(Random r, String level, LocalDate graduated) {
        ObjectNode d = JSON.createObjectNode();
        d.put("level", level);
        boolean overseas = r.nextInt(10) == 0;
        d.put("graduationDate", graduated.toString());
        if (overseas) {
            d.put("overseas", true);
            d.put("cscseCertified", r.nextInt(5) > 0);
        } else {
            d.put("fullTime", r.nextInt(7) > 0);
        }
        if (r.nextInt(10) == 0) {
            d.put("shortageMajor", true);
        }
        return d;
    }

    /** The facts a request may leave out, where the person has them. */
    static List<String> omittable(ObjectNode p) {
        List<String> paths = new ArrayList<>(List.of("/birthDate", "/nationality", "/hukouRegion",
                "/employment/employerRegion", "/employment/employerType", "/employment/onEstablishment",
                "/employment/startDate", "/socialInsurance/region", "/housing/homesOwnedRegions",
                "/housing/boughtSubsidisedHousing", "/housing/purchase/firstHomeInCity", "/housing/purchase/date"));
        JsonNode degrees = p.path("degrees");
        for (int i = 0; i < degrees.size(); i++) {
            paths.add("/degrees/" + i + (degrees.get(i).path("overseas").asBoolean() ? "/cscseCertified" : "/fullTime"));
            paths.add("/degrees/" + i + "/graduationDate");
        }
        paths.removeIf(path -> p.at(path).isMissingNode());
        if (p.path("hukouRegion").isMissingNode()) { // a non-mainland national: as a mainlander, their hukou is unknown
            paths.remove("/nationality");
        }
        return paths;
    }

    static boolean isDate(String path) {
        return path.endsWith("Date") || path.endsWith("/date");
    }

    /** The name a decision gives an omitted fact: {@code /degrees/0/fullTime} is {@code degrees.fullTime}. */
    static String factName(String path) {
        return path.substring(1).replaceAll("/\\d+(?=/|$)", "").replace('/', '.');
    }

    // ---- checking

    /** A scenario evaluated: with its facts omitted, and under each filling of them. */
    private record Run(Evaluation omitted, List<Evaluation> filled, List<int[]> fillings) {
    }

    private Run run(Scenario s) {
        List<List<JsonNode>> candidates = new ArrayList<>();
        for (String path : s.omitted()) {
            candidates.add(candidates(s, path));
        }
        List<int[]> all = new ArrayList<>();
        product(candidates, 0, new int[candidates.size()], all);
        List<int[]> fillings = new ArrayList<>();
        List<ObjectNode> people = new ArrayList<>();
        people.add(omit(s));
        for (int[] filling : all) {
            ObjectNode filled = s.person().deepCopy();
            for (int i = 0; i < s.omitted().size(); i++) {
                set(filled, s.omitted().get(i), candidates.get(i).get(filling[i]));
            }
            if (consistent(filled)) {
                filled.put("id", s.person().get("id").asText() + "-f" + fillings.size());
                fillings.add(filling);
                people.add(filled);
            }
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (int from = 0; from < people.size(); from += 50) {
            List<PersonFacts> batch = people.subList(from, Math.min(people.size(), from + 50)).stream()
                    .map(UnknownFacts::facts).toList();
            evaluations.addAll(ruleset.evaluate(batch, s.asOf(), id -> true, Ruleset.Detail.OUTCOMES));
        }
        return new Run(evaluations.get(0), evaluations.subList(1, evaluations.size()), fillings);
    }

    /** What the scenario breaks; empty when it keeps to the convention. */
    List<Violation> check(Scenario s) {
        Run run = run(s);
        List<Violation> violations = new ArrayList<>();
        for (int d = 0; d < run.omitted().decisions().size(); d++) {
            int at = d;
            violations.addAll(check(s, run.omitted().decisions().get(d),
                    run.filled().stream().map(e -> e.decisions().get(at)).toList(), run.fillings()));
        }
        return violations;
    }

    private List<Violation> check(Scenario s, Decision omitted, List<Decision> each, List<int[]> fillings) {
        List<Violation> out = new ArrayList<>();
        String policy = omitted.policyId();
        for (int c = 0; c < omitted.criteria().size(); c++) {
            CriterionResult criterion = omitted.criteria().get(c);
            int at = c;
            Set<Status> seen = new LinkedHashSet<>();
            each.forEach(d -> seen.add(d.criteria().get(at).status()));
            String name = criterion.part() == null ? criterion.criterion() : criterion.part() + "/" + criterion.criterion();
            if (criterion.status() != Status.UNKNOWN && !Set.of(criterion.status()).equals(seen)) {
                out.add(new Violation("soundness", policy, name + " is " + criterion.status() + " with "
                        + s.omitted() + " omitted, but the fillings give " + seen));
            }
            if (criterion.status() == Status.UNKNOWN && !(seen.contains(Status.PASS) && seen.contains(Status.FAIL))) {
                out.add(new Violation("precision", policy, name + " is UNKNOWN with " + s.omitted()
                        + " omitted, but the fillings give only " + seen));
            }
        }
        Set<String> answers = new LinkedHashSet<>();
        each.forEach(d -> answers.add(answer(d)));
        if (omitted.outcome() != Outcome.NEEDS_INFO && !Set.of(answer(omitted)).equals(answers)) {
            out.add(new Violation("soundness", policy, "decided " + answer(omitted) + " with " + s.omitted()
                    + " omitted, but the fillings give " + answers));
        }
        if (omitted.outcome() == Outcome.NEEDS_INFO) {
            if (answers.size() == 1) {
                out.add(new Violation("precision", policy, "NEEDS_INFO with " + s.omitted()
                        + " omitted, but every filling gives " + answers));
            }
            Set<String> names = new LinkedHashSet<>();
            s.omitted().forEach(path -> names.add(factName(path)));
            for (String listed : omitted.missingFacts()) {
                if (!names.contains(listed)) {
                    out.add(new Violation("minimality", policy, "NEEDS_INFO lists " + listed
                            + ", which the request gives (omitted: " + s.omitted() + ")"));
                } else if (!matters(s, listed, each, fillings)) {
                    out.add(new Violation("minimality", policy, "NEEDS_INFO lists " + listed
                            + ", but no filling of it alone changes the decision"));
                }
            }
            for (String name : names) {
                if (!omitted.missingFacts().contains(name) && matters(s, name, each, fillings)) {
                    out.add(new Violation("minimality", policy, "NEEDS_INFO does not list " + name
                            + ", though filling it changes the decision (it lists " + omitted.missingFacts() + ")"));
                }
            }
        }
        return out;
    }

    /** Whether two fillings that differ only in the facts of this name decide differently. */
    private static boolean matters(Scenario s, String name, List<Decision> each, List<int[]> fillings) {
        Map<String, Set<String>> byOthers = new LinkedHashMap<>();
        for (int f = 0; f < fillings.size(); f++) {
            StringBuilder others = new StringBuilder();
            for (int i = 0; i < s.omitted().size(); i++) {
                if (!factName(s.omitted().get(i)).equals(name)) {
                    others.append(fillings.get(f)[i]).append(',');
                }
            }
            byOthers.computeIfAbsent(others.toString(), k -> new LinkedHashSet<>()).add(answer(each.get(f)));
        }
        return byOthers.values().stream().anyMatch(answers -> answers.size() > 1);
    }

    /** A decision as what it gives: the outcome and, when eligible, the amounts and tier. */
    private static String answer(Decision d) {
        if (d.outcome() != Outcome.ELIGIBLE) {
            return d.outcome().name();
        }
        StringBuilder s = new StringBuilder("ELIGIBLE");
        if (d.certifiedTier() != null) {
            s.append(" tier ").append(d.certifiedTier());
        }
        for (Benefit b : d.benefits()) {
            s.append(' ').append(b.part()).append(':').append(b.kind()).append(' ').append(b.amount())
                    .append('x').append(Objects.requireNonNullElse(b.months(), Objects.requireNonNullElse(b.years(), 1)));
        }
        return s.toString();
    }

    /**
     * Whether a filled person is one the catalogue's conventions allow: a hukou is the mainland's (the rules
     * read a non-mainland national with no hukou recorded as holding none, a written choice beside the Qingdao
     * rules).
     */
    private static boolean consistent(ObjectNode p) {
        return p.path("hukouRegion").isMissingNode() || "MAINLAND".equals(p.path("nationality").asText("MAINLAND"));
    }

    /** The values an omitted fact could take. */
    private List<JsonNode> candidates(Scenario s, String path) {
        String field = path.substring(path.lastIndexOf('/') + 1);
        List<JsonNode> values = new ArrayList<>();
        switch (field) {
            case "fullTime", "cscseCertified", "onEstablishment", "boughtSubsidisedHousing", "firstHomeInCity" -> {
                values.add(BooleanNode.TRUE);
                values.add(BooleanNode.FALSE);
            }
            case "nationality" -> Stream.of(Nationality.values()).forEach(n -> values.add(TextNode.valueOf(n.name())));
            case "employerType" -> Stream.of(EmployerType.values()).forEach(t -> values.add(TextNode.valueOf(t.name())));
            case "hukouRegion", "employerRegion", "region" -> REGIONS.forEach(r -> values.add(TextNode.valueOf(r)));
            case "homesOwnedRegions" -> {
                values.add(JSON.createArrayNode());
                REGIONS.forEach(r -> values.add(JSON.createArrayNode().add(r)));
            }
            // a degree the request lists is held: its omitted graduation date is on or before the as-of date (the
            // choice beside HighestDegree)
            case "graduationDate" -> dates(s, path).stream().filter(d -> !d.isAfter(s.asOf()))
                    .forEach(d -> values.add(TextNode.valueOf(d.toString())));
            default -> dates(s, path).forEach(d -> values.add(TextNode.valueOf(d.toString())));
        }
        return values;
    }

    /**
     * Dates on either side of every threshold the person could meet: ages and windows counted from the as-of date,
     * windows counted from the person's other dates, and the dates the rules' parameters and policies name.
     */
    private List<LocalDate> dates(Scenario s, String path) {
        Set<LocalDate> anchors = new TreeSet<>();
        collectDates(s.person(), "", path, anchors);
        Set<LocalDate> dates = new TreeSet<>();
        for (int years : AGES_AND_WINDOWS) {
            around(dates, s.asOf().minusYears(years));
            around(dates, s.asOf().plusYears(years));
        }
        for (LocalDate anchor : anchors) {
            for (int years : WINDOWS) {
                around(dates, anchor.minusYears(years));
                around(dates, anchor.plusYears(years));
            }
        }
        calendar.forEach(d -> around(dates, d));
        return List.copyOf(dates);
    }

    private static void around(Set<LocalDate> dates, LocalDate threshold) {
        dates.add(threshold.minusDays(1));
        dates.add(threshold);
        dates.add(threshold.plusDays(1));
    }

    private static void collectDates(JsonNode node, String at, String except, Set<LocalDate> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectDates(e.getValue(), at + "/" + e.getKey(), except, into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDates(node.get(i), at + "/" + i, except, into);
            }
        } else if (node.isTextual() && !at.equals(except) && node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            into.add(LocalDate.parse(node.asText()));
        }
    }

    private static void product(List<List<JsonNode>> candidates, int i, int[] at, List<int[]> into) {
        if (i == candidates.size()) {
            into.add(at.clone());
            return;
        }
        for (int v = 0; v < candidates.get(i).size(); v++) {
            at[i] = v;
            product(candidates, i + 1, at, into);
        }
    }

    static ObjectNode omit(Scenario s) {
        ObjectNode p = s.person().deepCopy();
        for (String path : s.omitted()) {
            JsonPointer pointer = JsonPointer.compile(path);
            ((ObjectNode) p.at(pointer.head())).remove(pointer.last().getMatchingProperty());
        }
        return p;
    }

    private static void set(ObjectNode p, String path, JsonNode value) {
        JsonPointer pointer = JsonPointer.compile(path);
        ((ObjectNode) p.at(pointer.head())).set(pointer.last().getMatchingProperty(), value);
    }

    static PersonFacts facts(ObjectNode person) {
        try {
            return FactsMapper.INSTANCE.toFacts(JSON.treeToValue(person, PersonDto.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    // ---- shrinking and saying

    /**
     * A smaller scenario that still breaks the same property of the same policy: omissions, degrees, sections and
     * optional facts taken away one at a time while it does.
     */
    Scenario shrink(Scenario s, Violation v) {
        Function<Scenario, Boolean> fails = c -> check(c).stream()
                .anyMatch(w -> w.property().equals(v.property()) && w.policyId().equals(v.policyId()));
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (Scenario c : simpler(s)) {
                if (fails.apply(c)) {
                    s = c;
                    smaller = true;
                    break;
                }
            }
        }
        return s;
    }

    private static List<Scenario> simpler(Scenario s) {
        List<Scenario> out = new ArrayList<>();
        for (String path : s.omitted()) {
            if (s.omitted().size() > 1) {
                List<String> fewer = new ArrayList<>(s.omitted());
                fewer.remove(path);
                out.add(new Scenario(s.seed(), s.asOf(), s.person(), fewer));
            }
        }
        // only what means "none" when left out (an omission elsewhere would make a fact unknown)
        for (String path : List.of("/honours", "/professionalTitle", "/housing/purchase")) {
            if (!s.person().at(path).isMissingNode() && s.omitted().stream().noneMatch(o -> o.startsWith(path))) {
                ObjectNode p = s.person().deepCopy();
                JsonPointer pointer = JsonPointer.compile(path);
                ((ObjectNode) p.at(pointer.head())).remove(pointer.last().getMatchingProperty());
                out.add(new Scenario(s.seed(), s.asOf(), p, s.omitted()));
            }
        }
        JsonNode degrees = s.person().path("degrees");
        if (degrees.size() > 1 && s.omitted().stream().noneMatch(o -> o.startsWith("/degrees/1"))) {
            ObjectNode p = s.person().deepCopy();
            ((ArrayNode) p.get("degrees")).remove(1);
            out.add(new Scenario(s.seed(), s.asOf(), p, s.omitted()));
        }
        if (degrees.size() > 1 && s.omitted().stream().noneMatch(o -> o.startsWith("/degrees/"))) {
            ObjectNode p = s.person().deepCopy();
            ((ArrayNode) p.get("degrees")).remove(0);
            out.add(new Scenario(s.seed(), s.asOf(), p, s.omitted()));
        }
        return out;
    }

    /**
     * The scenario as a policy case: a sentence, the person as the request gives it, and what the fillings say it
     * should answer (the one decision every filling gives, else NEEDS_INFO missing the facts that change it).
     */
    String asCase(Scenario s, Violation v) {
        Run run = run(s);
        int at = 0;
        while (!run.omitted().decisions().get(at).policyId().equals(v.policyId())) {
            at++;
        }
        int d = at;
        List<Decision> each = run.filled().stream().map(e -> e.decisions().get(d)).toList();
        Set<String> answers = new LinkedHashSet<>();
        each.forEach(x -> answers.add(answer(x)));
        List<String> matter = s.omitted().stream().map(UnknownFacts::factName).distinct()
                .filter(name -> matters(s, name, each, run.fillings())).toList();
        String expect = answers.size() == 1
                ? "      outcome: " + each.get(0).outcome() + "   # every filling: " + answers.iterator().next() + "\n"
                : "      outcome: NEEDS_INFO\n      missingFacts: " + matter + "\n";
        try {
            return "  # found by UnknownFactsPropertiesTests, shrunk (seed " + s.seed() + "); the rules answer otherwise\n"
                    + "  - case: " + JSON.writeValueAsString(v.property() + " (" + v.policyId() + "): " + v.detail()) + "\n"
                    + "    asOf: " + s.asOf() + "\n"
                    + "    person: " + JSON.writeValueAsString(omit(s)) + "\n"
                    + "    expect:\n" + expect;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
