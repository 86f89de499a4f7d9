package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.facts.Degree;
import cn.talentpolicy.facts.Education;
import cn.talentpolicy.facts.PersonFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Unknown only when it could matter (catalogue, conventions). Whether a degree counts (full-time for a domestic
 * degree, CSCSE-certified for an overseas one) decides which degree is the highest that counts, and through it the
 * rate, the windows, the age limits and the tiers: when the request leaves that flag out, the person is evaluated
 * under each reading of it (counts, does not count), and the readings are put together into one answer:
 * <ul>
 *   <li>a criterion all readings judge alike has that result, and where their reasons differ its message says
 *       that whatever the flag, it comes out the same, with the reason of each reading;</li>
 *   <li>a criterion the readings judge differently is UNKNOWN, its message saying what each reading gives, and
 *       the flag is among its missing facts;</li>
 *   <li>a part all readings decide alike (the same outcome, and when eligible the same amounts) has that
 *       outcome, otherwise it is NEEDS_INFO; the policy follows from its parts as it always does, and when it is
 *       NEEDS_INFO it misses the flags whose value changes it and what the readings that need information miss;
 *       a tier is the lowest that every reading certifies (the one the facts prove).</li>
 * </ul>
 * Each criterion the readings judge in different results or words carries them ({@code readings}), each with
 * the flags it took.
 * The rules are not told: each reading is an ordinary evaluation of facts that say the flag, so a policy writer
 * gets precise answers without writing anything. The trace and the derived facts shown are those of the first
 * reading (every flag taken as counting). At most {@value #MAX_POINTS} flags are read both ways, those of the
 * highest degrees first (the highest degree is what the rules read); any further one stays unknown in every
 * reading, where the derived facts treat it as in doubt (sound, if less precise).
 */
final class Readings {

    static final int MAX_POINTS = 4;
    static final String REASON = "DEPENDS_ON_UNKNOWN_FACTS";
    static final String SOURCE = "Catalogue, conventions: unknown only when it could matter: a criterion is UNKNOWN"
            + " only when some value of the omitted facts makes it pass and another fail";
    static final String RULE = "readings of the omitted facts";

    /** One flag the request left out: the degree it belongs to (by position) and which flag it is. */
    record Point(int degree, Degree of) {

        String fact() {
            return of.overseas() ? "degrees.cscseCertified" : "degrees.fullTime";
        }

        Degree with(boolean value) {
            return of.overseas()
                    ? new Degree(of.level(), of.fullTime(), of.graduationDate(), true, value, of.doubleFirstClass(),
                    of.shortageMajor())
                    : new Degree(of.level(), value, of.graduationDate(), false, of.cscseCertified(),
                    of.doubleFirstClass(), of.shortageMajor());
        }

        private String degreeEn() {
            String level = of.level() == null ? "" : Labels.of(of.level(), false) + " ";
            String date = of.graduationDate() == null ? "of unknown date" : "of " + of.graduationDate();
            return "the " + (of.overseas() ? "overseas " : "") + level + "degree " + date;
        }

        private String degreeZh() {
            String date = of.graduationDate() == null ? "毕业日期未知的" : of.graduationDate() + " 毕业的";
            return date + (of.overseas() ? "境外" : "") + (of.level() == null ? "" : Labels.of(of.level(), true)) + "学历";
        }

        Text name() {
            return of.overseas()
                    ? new Text(degreeZh() + "是否经留服认证", "the CSCSE certification of " + degreeEn())
                    : new Text(degreeZh() + "是否全日制", "the full-time flag of " + degreeEn());
        }

        Text reading(boolean value) {
            if (of.overseas()) {
                return new Text(degreeZh() + (value ? "经留服认证" : "未经留服认证"),
                        degreeEn() + (value ? " is CSCSE-certified" : " is not CSCSE-certified"));
            }
            return new Text(degreeZh() + (value ? "为全日制" : "非全日制"),
                    degreeEn() + (value ? " is full-time" : " is not full-time"));
        }
    }

    private Readings() {
    }

    /** The flags of a person's degrees held on the as-of date that the request left out, the highest first. */
    static List<Point> points(PersonFacts person, LocalDate asOf) {
        List<Degree> degrees = person.education().degrees();
        if (degrees == null) {
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < degrees.size(); i++) {
            Degree d = degrees.get(i);
            if (d.counts() == null && (d.graduationDate() == null || !d.graduationDate().isAfter(asOf))) {
                points.add(new Point(i, d));
            }
        }
        points.sort((a, b) -> Integer.compare(rank(b.of()), rank(a.of())));
        return points.size() > MAX_POINTS ? List.copyOf(points.subList(0, MAX_POINTS)) : points;
    }

    private static int rank(Degree d) {
        return d.level() == null ? Integer.MAX_VALUE : d.level().rank(); // a degree of unknown level could be any
    }

    /** The person's facts under reading {@code n}: bit i of n clear means point i counts, set that it does not. */
    static PersonFacts reading(PersonFacts person, List<Point> points, int n) {
        List<Degree> degrees = new ArrayList<>(person.education().degrees());
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            degrees.set(p.degree(), p.with((n & (1 << i)) == 0));
        }
        return new PersonFacts(person.person(), new Education(person.personId(), List.copyOf(degrees)),
                person.qualifications(), person.employment(), person.socialInsurance(), person.housing(),
                person.homePurchase(), person.postdoc(), person.ledger());
    }

    /** One evaluation from the evaluations of every reading (reading 0 first, 2^points of them). */
    static Evaluation merge(List<Point> points, List<Evaluation> readings) {
        Evaluation first = readings.get(0);
        List<Decision> decisions = new ArrayList<>(first.decisions().size());
        for (int d = 0; d < first.decisions().size(); d++) {
            List<Decision> each = new ArrayList<>(readings.size());
            for (Evaluation e : readings) {
                each.add(e.decisions().get(d));
            }
            decisions.add(decision(points, each));
        }
        return new Evaluation(first.personId(), first.asOf(), first.rulesetVersion(), List.copyOf(decisions),
                first.trace());
    }

    private static Decision decision(List<Point> points, List<Decision> each) {
        Decision first = each.get(0);
        List<CriterionResult> criteria = new ArrayList<>(first.criteria().size());
        for (int c = 0; c < first.criteria().size(); c++) {
            List<CriterionResult> results = new ArrayList<>(each.size());
            for (Decision d : each) {
                results.add(d.criteria().get(c));
            }
            criteria.add(criterion(points, results));
        }
        // each part: the one outcome (and, eligible, the amounts) every reading gives it, else NEEDS_INFO; the
        // policy from its parts, as PolicyOutcome decides it
        List<Decision.PartView> parts = new ArrayList<>(first.parts().size());
        List<Outcome> outcomes = new ArrayList<>();
        List<cn.talentpolicy.decisions.Benefit> benefits = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (int p = 0; p < first.parts().size(); p++) {
            Decision.PartView part = first.parts().get(p);
            int at = p;
            boolean alike = each.stream().allMatch(d -> samePart(first, d, at));
            Outcome outcome = alike ? part.outcome() : Outcome.NEEDS_INFO;
            parts.add(alike ? part : new Decision.PartView(part.part(), part.title(), Outcome.NEEDS_INFO));
            outcomes.add(outcome);
            if (outcome == Outcome.ELIGIBLE) {
                benefits.addAll(benefits(first, part.part()));
            }
        }
        Outcome outcome = Outcome.ofParts(outcomes); // every decision policy has a part (the loader gives "main")
        // a tier is certified when every reading certifies one: the lowest of them, which every reading proves
        // (catalogue, conventions: the highest tier the facts prove); a decision resting on a tier names it when
        // every reading rests on the same one
        String tier = first.certifiedTier();
        if (each.stream().anyMatch(d -> !Objects.equals(d.certifiedTier(), first.certifiedTier()))) {
            boolean proven = outcome == Outcome.ELIGIBLE
                    && each.stream().allMatch(d -> d.outcome() == Outcome.ELIGIBLE && d.certifiedTier() != null);
            tier = proven ? each.stream().map(Decision::certifiedTier).max(String::compareTo).orElseThrow() : null;
        }
        if (outcome == Outcome.NEEDS_INFO) {
            for (Decision d : each) {
                if (d.outcome() == Outcome.NEEDS_INFO) {
                    missing.addAll(d.missingFacts());
                }
            }
            // a flag matters where flipping it changes the decision, and also where two readings both wait for
            // other facts but judge a criterion differently (once those facts are in, the flag may decide the
            // outcome or the amount: the highest degree that counts differs)
            missing.addAll(deciding(points, each, (a, b) -> same(a, b) && (a.outcome() != Outcome.NEEDS_INFO
                    || b.outcome() != Outcome.NEEDS_INFO || judgedAlike(a, b))));
        }
        return new Decision(first.policyId(), first.title(), outcome, tier, List.copyOf(parts),
                outcome == Outcome.ELIGIBLE ? List.copyOf(benefits) : List.of(), List.copyOf(criteria),
                List.copyOf(missing), first.derivedFacts());
    }

    /** Whether two readings judge every criterion alike: the same result, reason and derived facts judged on. */
    private static boolean judgedAlike(Decision a, Decision b) {
        for (int c = 0; c < a.criteria().size(); c++) {
            CriterionResult x = a.criteria().get(c);
            CriterionResult y = b.criteria().get(c);
            if (x.status() != y.status() || !x.reasonCode().equals(y.reasonCode())
                    || !derived(x).equals(derived(y))) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> derived(CriterionResult r) {
        return r.basis().stream().filter(f -> f instanceof cn.talentpolicy.facts.DerivedFact).toList();
    }

    /** Whether two readings decide a part alike: the same outcome and, when eligible, the same amounts. */
    private static boolean samePart(Decision a, Decision b, int part) {
        Decision.PartView pa = a.parts().get(part);
        Decision.PartView pb = b.parts().get(part);
        return pa.outcome() == pb.outcome()
                && (pa.outcome() != Outcome.ELIGIBLE || benefits(a, pa.part()).equals(benefits(b, pb.part())));
    }

    private static List<cn.talentpolicy.decisions.Benefit> benefits(Decision d, String part) {
        return d.benefits().stream().filter(b -> Objects.equals(b.part(), part)).toList();
    }

    /** Whether two readings decide a policy alike: the same outcome and, when eligible, the same amounts and tier. */
    private static boolean same(Decision a, Decision b) {
        return a.outcome() == b.outcome() && (a.outcome() != Outcome.ELIGIBLE
                || (a.benefits().equals(b.benefits()) && Objects.equals(a.certifiedTier(), b.certifiedTier())));
    }

    private static CriterionResult criterion(List<Point> points, List<CriterionResult> results) {
        CriterionResult first = results.get(0);
        Set<String> missing = new LinkedHashSet<>();
        results.forEach(r -> missing.addAll(r.missingFacts()));
        boolean sameStatus = results.stream().allMatch(r -> r.status() == first.status());
        boolean sameReason = results.stream().allMatch(r -> r.reasonCode().equals(first.reasonCode())
                && Objects.equals(r.message(), first.message()));
        if (sameStatus && sameReason) {
            return results.size() == 1 && missing.equals(Set.copyOf(first.missingFacts())) ? first
                    : with(first, first.status(), first.reasonCode(), first.message(), first.source(), first.rule(),
                    missing);
        }
        Text message = first.message() == null ? null : message(points, results, sameStatus);
        List<CriterionResult.Reading> readings = new ArrayList<>();
        for (List<Integer> group : groups(results).values()) {
            CriterionResult r = results.get(group.get(0));
            readings.add(new CriterionResult.Reading(when(points, group), r.status(), r.reasonCode(), r.message()));
        }
        if (sameStatus) {
            return with(first, first.status(), first.reasonCode(), message, first.source(), first.rule(), missing,
                    readings);
        }
        missing.addAll(deciding(points, results, (a, b) -> a.status() == b.status()));
        return with(first, Status.UNKNOWN, REASON, message, SOURCE, RULE, missing, readings);
    }

    private static CriterionResult with(CriterionResult r, Status status, String reason, Text message, String source,
                                        String rule, Collection<String> missing) {
        return with(r, status, reason, message, source, rule, missing, List.of());
    }

    private static CriterionResult with(CriterionResult r, Status status, String reason, Text message, String source,
                                        String rule, Collection<String> missing,
                                        List<CriterionResult.Reading> readings) {
        return new CriterionResult(r.personId(), r.policyId(), r.part(), r.criterion(), status, reason, message,
                source, List.copyOf(missing), rule, r.basis(), readings);
    }

    /** The readings (by number) that give the same result in the same words, in the order they first come. */
    private static Map<String, List<Integer>> groups(List<CriterionResult> results) {
        Map<String, List<Integer>> byWords = new LinkedHashMap<>();
        for (int n = 0; n < results.size(); n++) {
            CriterionResult r = results.get(n);
            Text m = r.message();
            byWords.computeIfAbsent(r.status() + "\u0000" + r.reasonCode() + "\u0000"
                    + (m == null ? "" : m.en() + "\u0000" + m.zh()), k -> new ArrayList<>()).add(n);
        }
        return byWords;
    }

    /** The facts of the points whose value alone changes the result: readings n and n with that bit flipped differ. */
    private static <T> List<String> deciding(List<Point> points, List<T> readings,
                                             java.util.function.BiPredicate<T, T> same) {
        Set<String> facts = new LinkedHashSet<>();
        for (int i = 0; i < points.size(); i++) {
            for (int n = 0; n < readings.size(); n++) {
                int flipped = n ^ (1 << i);
                if (flipped < readings.size() && !same.test(readings.get(n), readings.get(flipped))) {
                    facts.add(points.get(i).fact());
                    break;
                }
            }
        }
        return List.copyOf(facts);
    }

    /**
     * "whatever …: if …, …; if …, …" when every reading gives the same result for different reasons; "depends on
     * …: if …, passes: …; if …, fails: …" when they give different results. Readings with the same words are said
     * once.
     */
    private static Text message(List<Point> points, List<CriterionResult> results, boolean sameStatus) {
        Map<String, List<Integer>> byWords = groups(results);
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (List<Integer> group : byWords.values()) {
            CriterionResult r = results.get(group.get(0));
            Text when = when(points, group);
            String status = sameStatus ? "" : switch (r.status()) {
                case PASS -> "符合：";
                case FAIL -> "不符合：";
                case UNKNOWN -> "未知：";
            };
            String statusEn = sameStatus ? "" : switch (r.status()) {
                case PASS -> "passes: ";
                case FAIL -> "fails: ";
                case UNKNOWN -> "unknown: ";
            };
            zh.add("若" + when.zh() + "，" + status + r.message().zh());
            en.add("if " + when.en() + ", " + statusEn + r.message().en());
        }
        List<String> namesZh = points.stream().map(p -> p.name().zh()).toList();
        List<String> namesEn = points.stream().map(p -> p.name().en()).toList();
        if (sameStatus) {
            return new Text("无论" + String.join("、", namesZh) + "，结果相同：" + String.join("；", zh),
                    "whatever " + String.join(" and ", namesEn) + ", the same: " + String.join("; ", en));
        }
        return new Text("取决于" + String.join("、", namesZh) + "：" + String.join("；", zh),
                "depends on " + String.join(" and ", namesEn) + ": " + String.join("; ", en));
    }

    /**
     * The readings of a group in words: the points on which they all agree ("the master's degree of … is
     * full-time"); when they agree on none, each reading in full.
     */
    private static Text when(List<Point> points, List<Integer> group) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            int bit = 1 << i;
            boolean set = (group.get(0) & bit) != 0;
            if (group.stream().allMatch(n -> ((n & bit) != 0) == set)) {
                Text t = points.get(i).reading(!set);
                zh.add(t.zh());
                en.add(t.en());
            }
        }
        int agreed = en.size();
        if (agreed == 0 || group.size() != 1 << (points.size() - agreed)) {
            // the points they agree on do not describe them alone: each reading in full
            zh.clear();
            en.clear();
            for (int n : group) {
                Text t = when(points, List.of(n));
                zh.add(t.zh());
                en.add(t.en());
            }
            return new Text(String.join("，或", zh), String.join(", or ", en));
        }
        return new Text(String.join("且", zh), String.join(" and ", en));
    }
}
