package cn.talentpolicy.bench;

import cn.talentpolicy.bench.HandWrittenJinan.Answer;
import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.engine.RulesetProblem;
import cn.talentpolicy.facts.Dates;
import cn.talentpolicy.facts.Degree;
import cn.talentpolicy.facts.DegreeLevel;
import cn.talentpolicy.facts.Education;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Employment;
import cn.talentpolicy.facts.Enclave;
import cn.talentpolicy.facts.HomePurchase;
import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.facts.Housing;
import cn.talentpolicy.facts.LedgerEntry;
import cn.talentpolicy.facts.Person;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.facts.PostdocStation;
import cn.talentpolicy.facts.ProfessionalTitle;
import cn.talentpolicy.facts.Qualifications;
import cn.talentpolicy.facts.SkillLevel;
import cn.talentpolicy.facts.SocialInsurance;
import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.rulesets.PolicyCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written Jinan baseline answers exactly as the engine does, so that the benchmark compares like with
 * like: for the Jinan talent tier, living subsidy and rent subsidy, the same outcome, certified tier and benefits
 * (kind, amount, months, total), on every policy case person of every policy and on thousands of people varied
 * from them around the boundaries. The engine (the DRL) is the reference.
 */
class HandWrittenJinanTests {

    static final Path RULES = Path.of("rules");
    static final String[] POLICIES = {HandWrittenJinan.TIER, HandWrittenJinan.LIVING, HandWrittenJinan.RENT};
    /** How many people the randomized check varies from the cases; the seed keeps the run reproducible. */
    static final int VARIED = 5_000;
    static final long SEED = 20_260_101L;

    static Ruleset ruleset;
    static HandWrittenJinan handWritten;
    static List<Sample> cases;

    /** A person at an as-of date, with where it comes from (a case's sentence, or how it was varied). */
    record Sample(String label, PersonFacts person, LocalDate asOf) {
    }

    /** What both sides must agree on for one policy. */
    record Seen(Outcome outcome, String certifiedTier, List<Benefit> benefits) {
    }

    @BeforeAll
    static void load() throws IOException {
        ruleset = RulesetLoader.load(RULES);
        handWritten = new HandWrittenJinan(ruleset.parameters());
        List<RulesetProblem> problems = new ArrayList<>();
        cases = new ArrayList<>();
        for (PolicyCases.Located c : PolicyCases.load(RULES, null, null, problems)) {
            cases.add(new Sample(c.file() + ":" + c.line() + " " + c.policyCase().sentence(),
                    FactsMapper.INSTANCE.toFacts(c.policyCase().person()), c.policyCase().asOf()));
        }
        assertThat(problems).as("case files that cannot be read").isEmpty();
    }

    @AfterAll
    static void close() {
        ruleset.close();
    }

    @Test
    void agreesWithTheEngineOnEveryPolicyCasePerson() {
        assertThat(cases).as("policy cases of every policy under " + RULES).hasSizeGreaterThan(300);
        assertAgreement(cases);
    }

    @Test
    void agreesWithTheEngineOnPeopleVariedAroundTheBoundaries() {
        Random random = new Random(SEED);
        List<Sample> varied = new ArrayList<>(VARIED);
        for (int i = 0; i < VARIED; i++) {
            varied.add(vary(cases.get(random.nextInt(cases.size())), random, i));
        }
        Map<String, Map<Outcome, Integer>> seen = assertAgreement(varied);
        // the variation must reach every outcome of both subsidies often, or agreement would prove little
        for (String policy : List.of(HandWrittenJinan.LIVING, HandWrittenJinan.RENT)) {
            for (Outcome outcome : Outcome.values()) {
                assertThat(seen.get(policy).getOrDefault(outcome, 0)).as(policy + " " + outcome + " among " + seen)
                        .isGreaterThan(VARIED / 50);
            }
        }
    }

    /** Asserts agreement on every sample; returns how often each outcome was seen, by policy. */
    static Map<String, Map<Outcome, Integer>> assertAgreement(List<Sample> samples) {
        List<String> disagreements = new ArrayList<>();
        Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
        for (Sample sample : samples) {
            Evaluation evaluation = ruleset.evaluate(List.of(sample.person()), sample.asOf(), id -> true, Ruleset.Detail.OUTCOMES).get(0);
            HandWrittenJinan.Result result = handWritten.decide(sample.person(), sample.asOf());
            for (String policy : POLICIES) {
                Seen engine = seen(evaluation.decisions().stream().filter(d -> d.policyId().equals(policy))
                        .findFirst().orElseThrow());
                Seen hand = seen(answer(result, policy));
                counts.computeIfAbsent(policy, k -> new EnumMap<>(Outcome.class)).merge(engine.outcome(), 1, Integer::sum);
                if (!engine.equals(hand)) {
                    disagreements.add(policy + " for " + sample.label() + " on " + sample.asOf() + ":\n  engine "
                            + engine + "\n  by hand " + hand + "\n  person " + sample.person());
                }
            }
        }
        assertThat(disagreements).as(disagreements.size() + " disagreements, the first:\n"
                + String.join("\n", disagreements.subList(0, Math.min(5, disagreements.size())))).isEmpty();
        return counts;
    }

    static Seen seen(Decision decision) {
        return new Seen(decision.outcome(), decision.certifiedTier(), decision.benefits());
    }

    static Seen seen(Answer answer) {
        return new Seen(answer.outcome(), answer.certifiedTier(), answer.benefits());
    }

    static Answer answer(HandWrittenJinan.Result result, String policy) {
        return switch (policy) {
            case HandWrittenJinan.TIER -> result.tier();
            case HandWrittenJinan.LIVING -> result.living();
            default -> result.rent();
        };
    }

    // ---- varying a case person --------------------------------------------------------------------------------

    static final String[] JINAN = {"370102", "370112", "370181"};
    static final String[] QINGDAO = {"370202", "370212"};
    static final String[] SHANDONG = {"370303", "370602", "370902"};
    static final String[] ELSEWHERE = {"110105", "440305", "320508"};
    static final String[] LEDGER_POLICIES = {HandWrittenJinan.LIVING, HandWrittenJinan.RENT,
            HandWrittenJinan.LIVING, HandWrittenJinan.RENT, "qingdao_graduate_housing_subsidy"};
    static final int[] LEDGER_MONTHS = {0, 1, 11, 12, 35, 36, 37, 59, 60, 61};
    static final LocalDate IN_FORCE_FROM = LocalDate.of(2021, 1, 1);

    /**
     * A new person from a case person: regions swapped between Jinan, Qingdao, elsewhere in Shandong and out of
     * the province; facts dropped (unknown); degrees, titles, honours, employer type, dual registration, enclaves
     * and ledger months changed; and the as-of date moved by days, often onto a window's last day or just past it
     * (29 February graduations included) or onto the policies' first day in force.
     */
    static Sample vary(Sample seed, Random random, int n) {
        String id = "varied-" + n;
        PersonFacts p = seed.person();
        LocalDate asOf = seed.asOf();
        List<String> changes = new ArrayList<>();
        // a third of the people are varied gently (every change below four times rarer, and brought to Jinan),
        // so that people who meet most criteria, and so the boundaries of the last one, are common
        int rare = one(random, 3) ? 4 : 1;

        // degrees: dropped (unknown), emptied, added to, shifted by days, flags unknown or flipped
        List<Degree> degrees = p.education().degrees() == null ? null : new ArrayList<>(p.education().degrees());
        if (one(random, 12 * rare)) {
            degrees = null;
            changes.add("degrees unknown");
        } else {
            if (degrees == null || one(random, 5)) {
                // afresh, often as a recent full-time bachelor or junior college graduate: the rent subsidy's
                // people are few among the cases
                degrees = new ArrayList<>();
                if (one(random, 2)) {
                    degrees.add(new Degree(one(random, 2) ? DegreeLevel.BACHELOR : DegreeLevel.JUNIOR_COLLEGE, true,
                            asOf.minusDays(random.nextInt(6 * 365)), false, null, false, false));
                    changes.add("a recent graduate");
                }
            }
            if (degrees.isEmpty() || one(random, 3 * rare)) {
                degrees.add(randomDegree(random, asOf));
                changes.add("degree added");
            }
            for (int i = 0; i < degrees.size(); i++) {
                if (one(random, 3 * rare)) {
                    degrees.set(i, vary(degrees.get(i), random));
                    changes.add("degree varied");
                }
            }
            if (degrees.size() > 1 && one(random, 6 * rare)) {
                degrees.remove(random.nextInt(degrees.size()));
                changes.add("degree removed");
            }
        }

        // title, skill level, honours
        Qualifications q = p.qualifications();
        ProfessionalTitle title = q.title();
        SkillLevel skill = q.skillLevel();
        Set<Honour> honours = q.honours().isEmpty() ? EnumSet.noneOf(Honour.class) : EnumSet.copyOf(q.honours());
        if (one(random, 5 * rare)) {
            title = pick(random, ProfessionalTitle.values(), true);
            changes.add("title " + title);
        }
        if (one(random, 6 * rare)) {
            skill = pick(random, SkillLevel.values(), true);
            changes.add("skill " + skill);
        }
        if (one(random, 8 * rare)) {
            honours.clear();
            if (one(random, 2)) {
                honours.add(pick(random, Honour.values(), false));
            }
            changes.add("honours " + honours);
        }

        // employment and social insurance: regions, employer type, dual registration, a talent enclave
        Employment e = p.employment();
        String employerRegion = e.employerRegion();
        EmployerType type = e.employerType();
        boolean dual = e.dualRegistration();
        Enclave enclave = e.enclave();
        String insured = p.socialInsurance().region();
        List<String> homes = p.housing().homesOwnedRegions();
        if (rare > 1 || one(random, 2)) {
            // most case people are Qingdao's, Zibo's or Tai'an's: bring half of them to work at a Jinan enterprise,
            // insured in Jinan and owning no home there, so that the Jinan criteria other than these are reached
            employerRegion = pick(random, JINAN, false);
            insured = pick(random, JINAN, false);
            type = EmployerType.ENTERPRISE;
            homes = List.of();
            changes.add("moved to a Jinan enterprise");
        }
        if (one(random, 3 * rare)) {
            employerRegion = region(random);
            changes.add("employed in " + employerRegion);
        }
        if (one(random, 3 * rare)) {
            insured = one(random, 2) ? employerRegion : region(random);
            changes.add("insured in " + insured);
        }
        if (one(random, 5 * rare)) {
            type = pick(random, EmployerType.values(), true);
            changes.add("employer " + type);
        }
        if (one(random, 8 * rare)) {
            dual = !dual;
            changes.add("dual registration " + dual);
        }
        if (one(random, 8 * rare)) {
            // an enclave out of the province (or in Qingdao) whose parent is in Jinan or elsewhere; insurance at
            // the enclave, in another district of the enclave's city, or at the parent
            employerRegion = one(random, 4) ? pick(random, QINGDAO, false) : pick(random, ELSEWHERE, false);
            String parent = one(random, 3) ? region(random) : pick(random, JINAN, false);
            enclave = new Enclave(parent, !one(random, 4));
            insured = switch (random.nextInt(4)) {
                case 0 -> employerRegion;
                case 1 -> employerRegion.substring(0, 4) + "99";
                case 2 -> parent;
                default -> null;
            };
            changes.add("enclave in " + employerRegion + " of " + parent + (enclave.recognised() ? "" : " (not recognised)")
                    + ", insured in " + insured);
        } else if (enclave != null && one(random, 4)) {
            enclave = null;
            changes.add("no enclave");
        }
        if (one(random, 20 * rare)) {
            employerRegion = null;
            changes.add("employer region unknown");
        }
        if (one(random, 20 * rare)) {
            insured = null;
            changes.add("insurance region unknown");
        }
        if (one(random, 20 * rare)) {
            type = null;
            changes.add("employer type unknown");
        }

        // homes owned: unknown, none, in Jinan or elsewhere
        if (one(random, 4 * rare)) {
            homes = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> List.of();
                case 2 -> List.of(pick(random, JINAN, false));
                default -> List.of(region(random));
            };
            changes.add("homes " + homes);
        }

        // ledger: months paid under the two subsidies, with or without the part, around the maxima
        List<LedgerEntry> ledger = new ArrayList<>();
        for (LedgerEntry entry : p.ledger()) {
            ledger.add(new LedgerEntry(id, entry.policyId(), entry.part(), entry.monthsPaid(), entry.amountPaid()));
        }
        int entries = one(random, 3 * rare) ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < entries; i++) {
            String policy = pick(random, LEDGER_POLICIES, false);
            int months = one(random, 2) ? pick(random, LEDGER_MONTHS) : random.nextInt(70);
            ledger.add(new LedgerEntry(id, policy, one(random, 3) ? "main" : null, months, null));
            changes.add(months + " months of " + policy + " paid");
        }

        // the as-of date: a few days either way, a window's last day (or the next), the first day in force, or far
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                LocalDate graduated = someGraduation(degrees, random);
                if (graduated != null) {
                    int years = ruleset.parameters().threshold(
                            (one(random, 2) ? HandWrittenJinan.LIVING : HandWrittenJinan.RENT) + ".graduation_window_years",
                            asOf);
                    asOf = Dates.anniversary(graduated, years).plusDays(random.nextInt(3) - 1);
                    changes.add("as of the window's end " + (asOf.toEpochDay() - Dates.anniversary(graduated, years).toEpochDay()));
                }
            }
            case 2 -> {
                asOf = IN_FORCE_FROM.minusDays(random.nextInt(2));
                changes.add("as of the first day in force or the day before");
            }
            case 3 -> {
                asOf = asOf.plusDays(random.nextInt(2001) - 1000);
                changes.add("as-of date moved far");
            }
            default -> asOf = asOf.plusDays(random.nextInt(7) - 3);
        }

        PersonFacts varied = new PersonFacts(
                new Person(id, p.person().birthDate(), p.person().nationality(), p.person().hukouRegion()),
                new Education(id, degrees),
                new Qualifications(id, title, skill, honours),
                new Employment(id, employerRegion, type, e.onEstablishment(), e.startDate(), e.contractYears(),
                        e.specialZone(), enclave, dual),
                new SocialInsurance(id, insured),
                new Housing(id, homes, p.housing().boughtSubsidisedHousing()),
                p.homePurchase() == null ? null : new HomePurchase(id, p.homePurchase().region(),
                        p.homePurchase().date(), p.homePurchase().price(), p.homePurchase().firstHomeInCity()),
                p.postdoc() == null ? null : new PostdocStation(id, p.postdoc().entryDate(), p.postdoc().exitDate(),
                        p.postdoc().region()),
                ledger);
        return new Sample(id + " from " + seed.label() + " with " + changes, varied, asOf);
    }

    static Degree randomDegree(Random random, LocalDate asOf) {
        LocalDate graduated = one(random, 10) ? null
                : one(random, 8) ? LocalDate.of(2016 + 4 * random.nextInt(3), Month.FEBRUARY, 29)
                : asOf.minusDays(random.nextInt(one(random, 2) ? 6 * 365 : 12 * 365));
        boolean overseas = one(random, 6);
        return new Degree(pick(random, DegreeLevel.values(), false), flag(random), graduated, overseas,
                overseas ? flag(random) : null, one(random, 4), one(random, 4));
    }

    /** A degree with its graduation shifted by days (or made unknown, or a 29 February), or a flag changed. */
    static Degree vary(Degree d, Random random) {
        LocalDate graduated = d.graduationDate();
        DegreeLevel level = d.level();
        Boolean fullTime = d.fullTime();
        Boolean cscse = d.cscseCertified();
        boolean overseas = d.overseas();
        switch (random.nextInt(6)) {
            case 0 -> graduated = graduated == null ? LocalDate.of(2020, Month.FEBRUARY, 29)
                    : graduated.plusDays(random.nextInt(15) - 7);
            case 1 -> graduated = one(random, 2) ? null : LocalDate.of(2016 + 4 * random.nextInt(3), Month.FEBRUARY, 29);
            case 2 -> fullTime = flag(random);
            case 3 -> {
                overseas = !overseas;
                cscse = flag(random);
            }
            case 4 -> level = pick(random, DegreeLevel.values(), false);
            default -> graduated = graduated == null ? null : graduated.plusYears(random.nextInt(5) - 2);
        }
        return new Degree(level, fullTime, graduated, overseas, cscse, d.doubleFirstClass(), d.shortageMajor());
    }

    /** The graduation date of one of the degrees (any may turn out to be the highest that counts), or null. */
    static LocalDate someGraduation(List<Degree> degrees, Random random) {
        List<LocalDate> dates = new ArrayList<>();
        if (degrees != null) {
            for (Degree d : degrees) {
                if (d.graduationDate() != null) {
                    dates.add(d.graduationDate());
                }
            }
        }
        return dates.isEmpty() ? null : dates.get(random.nextInt(dates.size()));
    }

    static String region(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, JINAN, false);
            case 1 -> pick(random, QINGDAO, false);
            case 2 -> pick(random, SHANDONG, false);
            default -> pick(random, ELSEWHERE, false);
        };
    }

    /** TRUE, FALSE or unknown. */
    static Boolean flag(Random random) {
        int r = random.nextInt(5);
        return r == 0 ? null : r < 4;
    }

    static boolean one(Random random, int in) {
        return random.nextInt(in) == 0;
    }

    static <T> T pick(Random random, T[] values, boolean orNull) {
        int i = random.nextInt(values.length + (orNull ? 1 : 0));
        return i == values.length ? null : values[i];
    }

    static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }
}
