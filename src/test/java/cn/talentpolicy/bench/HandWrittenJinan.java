package cn.talentpolicy.bench;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.engine.ParameterDefinition;
import cn.talentpolicy.engine.Parameters;
import cn.talentpolicy.facts.Dates;
import cn.talentpolicy.facts.Degree;
import cn.talentpolicy.facts.Education;
import cn.talentpolicy.facts.DegreeLevel;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Employment;
import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.facts.LedgerEntry;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.facts.ProfessionalTitle;
import cn.talentpolicy.facts.Qualifications;
import cn.talentpolicy.facts.Regions;
import cn.talentpolicy.facts.SkillLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;

/**
 * The benchmark's baseline: the Jinan living subsidy ({@code jinan_living_subsidy}) and the Jinan rent subsidy
 * ({@code jinan_rent_subsidy}) written by hand in plain Java, with what they rest on: the Jinan talent tier
 * ({@code jinan_talent_tier}), the enclave equal treatment ({@code shandong_enclave_equal_treatment}), the
 * workplace, the highest degree that counts and the subsidy ledger ({@code rules/common}). It exists only so that
 * the benchmark can say what the rules engine costs over code that does the same sums; it never answers a user.
 *
 * <p>It gives, per policy, exactly what the engine decides: the outcome, the certified tier where the engine
 * reports one, and the benefits (kind, amount a month, months still payable, total). Every block below names the
 * DRL rules it mirrors; {@code HandWrittenJinanTests} holds it to the engine on every policy case and on
 * thousands of generated people. Amounts, maxima and windows are read from the same dated parameters the rules
 * read ({@link Parameters}), resolved once at construction into arrays, so a look-up by date in the hot path is
 * a scan of one or two effective dates.
 *
 * <p><b>What it leaves out</b>, which the engine does and the benchmark should keep in mind when it compares the
 * engine (with reasons) to this: no criterion results, reason codes or messages (zh/en), no sources, no
 * missing-facts lists for NEEDS_INFO, no trace and no derived-fact explanations, no part views or titles; it
 * decides only these three policies (the engine decides every loaded policy, since policies may rest on each
 * other); it does not check the "each criterion judged exactly once" invariant, and it trusts its input (the
 * engine is fed the same validated facts).
 */
public final class HandWrittenJinan {

    public static final String TIER = "jinan_talent_tier";
    public static final String LIVING = "jinan_living_subsidy";
    public static final String RENT = "jinan_rent_subsidy";
    /** Both subsidies have one part, so benefits and ledger entries are under {@code main}. */
    static final String PART = "main";

    private static final String[] TIERS = {"A", "B", "C", "D", "E"};
    private static final int TIER_E = 4;
    /** Living-subsidy amount bands: tiers A-D by index 0-3, tier E by 4 + the degree level's ordinal. */
    private static final String[] LIVING_BANDS;
    /** Rent-subsidy amount bands: by degree level ordinal. */
    private static final String[] LEVEL_BANDS;

    static {
        DegreeLevel[] levels = DegreeLevel.values();
        LIVING_BANDS = new String[TIER_E + levels.length];
        LEVEL_BANDS = new String[levels.length];
        System.arraycopy(TIERS, 0, LIVING_BANDS, 0, TIER_E);
        for (DegreeLevel level : levels) {
            LIVING_BANDS[TIER_E + level.ordinal()] = "E_" + level.name();
            LEVEL_BANDS[level.ordinal()] = level.name();
        }
    }

    /** One policy's answer: as {@code Decision.outcome()}, {@code certifiedTier()} and {@code benefits()}. */
    public record Answer(String policyId, Outcome outcome, String certifiedTier, List<Benefit> benefits) {
    }

    /** The three answers for one person at one as-of date. */
    public record Result(Answer tier, Answer living, Answer rent) {
    }

    // criterion statuses, as plain ints: the policies combine them with "all" (any FAIL, else any UNKNOWN)
    private static final int PASS = 0;
    private static final int UNKNOWN = 1;
    private static final int FAIL = 2;

    private final Dated livingInForce;
    private final Dated livingAmount;       // BigDecimal[] by LIVING_BANDS
    private final Dated livingMaxMonths;    // Integer[] by tier index
    private final Dated livingWindowYears;  // Integer
    private final Dated rentInForce;
    private final Dated rentAmount;         // BigDecimal[] by LEVEL_BANDS
    private final Dated rentMaxMonths;      // Integer
    private final Dated rentWindowYears;    // Integer

    /** Resolves the parameters the two policies read, once; {@code params} is a ruleset's {@code parameters()}. */
    public HandWrittenJinan(Parameters params) {
        Map<String, ParameterDefinition> defs = params.definitions();
        livingInForce = Dated.of(defs, LIVING + ".in_force", null);
        livingAmount = Dated.of(defs, LIVING + ".monthly_amount", LIVING_BANDS);
        livingMaxMonths = Dated.of(defs, LIVING + ".max_months", TIERS);
        livingWindowYears = Dated.of(defs, LIVING + ".graduation_window_years", null);
        rentInForce = Dated.of(defs, RENT + ".in_force", null);
        rentAmount = Dated.of(defs, RENT + ".monthly_amount", LEVEL_BANDS);
        rentMaxMonths = Dated.of(defs, RENT + ".max_months", null);
        rentWindowYears = Dated.of(defs, RENT + ".graduation_window_years", null);
    }

    /**
     * The tier, living-subsidy and rent-subsidy answers for one person on {@code asOf}. As the engine does
     * (engine/Readings), a degree held on the as-of date whose full-time or CSCSE flag is omitted is read both ways
     * (at most four, the highest levels first), and each answer is the one every reading gives, else NEEDS_INFO.
     */
    public Result decide(PersonFacts person, LocalDate asOf) {
        List<Degree> degrees = person.education().degrees();
        List<Integer> points = new ArrayList<>();
        for (int i = 0; degrees != null && i < degrees.size(); i++) {
            if (degrees.get(i).counts() == null && held(degrees.get(i), asOf)) {
                points.add(i);
            }
        }
        if (points.isEmpty()) {
            return decideOnce(person, asOf);
        }
        points.sort(Comparator.comparingInt((Integer i) -> degrees.get(i).level() == null ? Integer.MAX_VALUE
                : degrees.get(i).level().rank()).reversed());
        List<Integer> read = points.subList(0, Math.min(4, points.size()));
        List<Result> readings = new ArrayList<>();
        for (int n = 0; n < 1 << read.size(); n++) {
            List<Degree> filled = new ArrayList<>(degrees);
            for (int b = 0; b < read.size(); b++) {
                Degree d = filled.get(read.get(b));
                boolean counts = (n & (1 << b)) == 0;
                filled.set(read.get(b), d.overseas()
                        ? new Degree(d.level(), d.fullTime(), d.graduationDate(), true, counts, d.doubleFirstClass(), d.shortageMajor())
                        : new Degree(d.level(), counts, d.graduationDate(), false, d.cscseCertified(), d.doubleFirstClass(), d.shortageMajor()));
            }
            readings.add(decideOnce(new PersonFacts(person.person(), new Education(person.personId(), filled),
                    person.qualifications(), person.employment(), person.socialInsurance(), person.housing(),
                    person.homePurchase(), person.postdoc(), person.ledger()), asOf));
        }
        return new Result(merge(readings.stream().map(Result::tier).toList()),
                merge(readings.stream().map(Result::living).toList()),
                merge(readings.stream().map(Result::rent).toList()));
    }

    /**
     * One answer from those of every reading: theirs when alike (the outcome, and the amounts when eligible),
     * else NEEDS_INFO; the tier when every reading rests on the same one, or the lowest when every reading is
     * eligible on a tier of its own.
     */
    private static Answer merge(List<Answer> answers) {
        Answer first = answers.get(0);
        boolean alike = answers.stream().allMatch(a -> a.outcome() == first.outcome()
                && (a.outcome() != Outcome.ELIGIBLE || a.benefits().equals(first.benefits())));
        Outcome outcome = alike ? first.outcome() : Outcome.NEEDS_INFO;
        String tier = first.certifiedTier();
        if (answers.stream().anyMatch(a -> !Objects.equals(a.certifiedTier(), first.certifiedTier()))) {
            boolean proven = outcome == Outcome.ELIGIBLE
                    && answers.stream().allMatch(a -> a.outcome() == Outcome.ELIGIBLE && a.certifiedTier() != null);
            tier = proven ? answers.stream().map(Answer::certifiedTier).max(String::compareTo).orElseThrow() : null;
        }
        return new Answer(first.policyId(), outcome, tier, outcome == Outcome.ELIGIBLE ? first.benefits() : List.of());
    }

    private Result decideOnce(PersonFacts person, LocalDate asOf) {
        String pid = person.personId();

        // ---- common/derived.drl "the highest degree that counts" (HighestDegree.of) ----
        Highest degree = highest(person.education().degrees(), asOf);

        // ---- common/derived.drl "workplace where the records say, when no talent enclave is recognised", and
        // shandong_enclave_equal_treatment/enclave.drl (EnclaveTreatment, Workplace.underEnclave) ----
        Employment employment = person.employment();
        String employerRegion = employment.employerRegion();
        String insuranceRegion = person.socialInsurance().region();
        if (employment.atRecognisedEnclave()) {
            String parent = employment.enclave().parentEmployerRegion();
            String enclave = employerRegion; // where the enclave actually is
            // insurance paid in the enclave's city counts as paid in the parent employer's region
            // (Regions.inCity(insured, enclave's first four digits + "00"))
            if (insuranceRegion != null && enclave != null && insuranceRegion.length() == 6
                    && insuranceRegion.regionMatches(0, enclave, 0, 4)) {
                insuranceRegion = parent;
            }
            employerRegion = parent;
        }
        int enterprise = enterpriseEmployer(employment.employerType(), employment.dualRegistration());
        int employedInJinan = inJinan(employerRegion);
        int insuredInJinan = inJinan(insuranceRegion);

        // ---- common/decisions.drl "total what the ledger says was paid under each policy part" ----
        int livingPaid = 0;
        int rentPaid = 0;
        List<LedgerEntry> ledger = person.ledger();
        for (int i = 0, n = ledger.size(); i < n; i++) {
            LedgerEntry entry = ledger.get(i);
            // LedgerEntry(part == null || part == $part); the API refuses a part the policy does not have, so
            // this only keeps to the rule
            if (entry.part() != null && !PART.equals(entry.part())) {
                continue;
            }
            if (LIVING.equals(entry.policyId())) {
                livingPaid = Math.addExact(livingPaid, entry.monthsPaid());
            } else if (RENT.equals(entry.policyId())) {
                rentPaid = Math.addExact(rentPaid, entry.monthsPaid());
            }
        }

        // ---- jinan_talent_tier/tiers.drl: tiers A-E are alternatives (combine: any), highest passing wins ----
        int tier = -1;          // index into TIERS of the certified tier, -1 for none
        boolean tierUndecided = false;
        Qualifications q = person.qualifications();
        ProfessionalTitle title = q.title();
        if (q.hasHonour(Honour.ACADEMICIAN) || q.hasHonour(Honour.NATIONAL_TOP_AWARD)) {
            tier = 0;           // "tier A: an academician or a national top science award"
        } else if (q.hasHonour(Honour.NATIONAL_LEADING_TALENT)) {
            tier = 1;           // "tier B: selected for a national leading talent programme"
        } else if (q.hasHonour(Honour.PROVINCIAL_LEADING_TALENT)) {
            tier = 2;           // "tier C: selected for a provincial leading talent programme"
        } else if (q.hasHonour(Honour.MUNICIPAL_LEADING_TALENT) || title == ProfessionalTitle.FULL_SENIOR) {
            tier = 3;           // "tier D: a municipal leading talent programme or a full-senior title"
        } else if (degree.proven != null && degree.proven.isAtLeast(DegreeLevel.MASTER)) {
            tier = TIER_E;      // "tier E: a full-time doctorate or master's degree" (proven, even if a higher one is in doubt)
        } else if (title == ProfessionalTitle.DEPUTY_SENIOR || q.skillLevel() == SkillLevel.SENIOR_TECHNICIAN) {
            tier = TIER_E;      // "tier E: a deputy-senior title or senior technician, without a postgraduate degree"
        } else {
            // "tier E: degrees unknown and no title or skill route" (UNKNOWN) vs "... no postgraduate degree" (FAIL);
            // tiers A-D are never UNKNOWN, so an unknown E makes the tier NEEDS_INFO
            tierUndecided = !degree.known;
        }
        String certified = tier < 0 ? null : TIERS[tier];
        Answer tierAnswer = new Answer(TIER,
                tier >= 0 ? Outcome.ELIGIBLE : tierUndecided ? Outcome.NEEDS_INFO : Outcome.INELIGIBLE,
                certified, List.of());

        // ---- jinan_living_subsidy/living_subsidy.drl (combine: all) ----
        int living = livingInForce.inForce(asOf) ? PASS : FAIL;                               // IN_FORCE
        living = worse(living, tier >= 0 ? PASS : tierUndecided ? UNKNOWN : FAIL);            // TALENT_TIER
        living = worse(living, enterprise);                                                   // ENTERPRISE_EMPLOYER
        living = worse(living, employedInJinan);                                              // EMPLOYED_IN_JINAN
        living = worse(living, insuredInJinan);                                               // INSURED_IN_JINAN
        boolean aboveE = tier >= 0 && tier < TIER_E; // isOneOf("ABCD"): tiers A-D need no degree and no window
        boolean postgraduate = degree.known && degree.level != null && degree.level.isAtLeast(DegreeLevel.MASTER);
        if (!aboveE) {
            // TIER_E_DEGREE, judged for tier E and also when no tier is certified ("the person sees every condition"):
            // PASS with a postgraduate degree that counts, FAIL when known without one, UNKNOWN when not known
            living = worse(living, postgraduate ? PASS : degree.known ? FAIL : UNKNOWN);
            // TIER_E_GRADUATION_WINDOW: from that degree's graduation, inclusive of the anniversary (Dates.withinYears);
            // UNKNOWN without a graduation date or without the degree; FAIL with no postgraduate degree to measure from
            int window;
            if (postgraduate) {
                window = degree.graduated == null ? UNKNOWN
                        : Dates.withinYears(degree.graduated, livingWindowYears.threshold(asOf), asOf) ? PASS : FAIL;
            } else {
                window = degree.known ? FAIL : UNKNOWN;
            }
            living = worse(living, window);
        }
        // MONTHS_REMAINING: with a tier, the tier's maximum minus the months paid; without one, nothing paid passes
        // and months paid are UNKNOWN ("the maximum depends on the tier")
        int livingMax = 0;
        if (tier >= 0) {
            livingMax = livingMaxMonths.thresholdBand(asOf, tier);
            living = worse(living, livingPaid < livingMax ? PASS : FAIL);
        } else if (livingPaid == 0) {
            living = worse(living, PASS);
        } else if (livingPaid > 0) {
            living = worse(living, UNKNOWN);
        } else {
            throw new IllegalStateException("negative living-subsidy months for " + pid + ": no MONTHS_REMAINING rule fires");
        }
        Outcome livingOutcome = outcome(living);
        List<Benefit> livingBenefits = List.of();
        if (livingOutcome == Outcome.ELIGIBLE) {
            // "living subsidy: the monthly amount by tier, for the months still payable": tier E is paid by degree
            int band = tier == TIER_E ? TIER_E + degree.level.ordinal() : tier;
            int months = livingMaxMonths.integerBand(asOf, tier) - livingPaid;
            livingBenefits = List.of(Benefit.monthly(pid, LIVING, PART, livingAmount.amountBand(asOf, band), months));
        }
        // the engine reports the certified tier the criteria rest on (TALENT_TIER passes on it)
        Answer livingAnswer = new Answer(LIVING, livingOutcome, certified, livingBenefits);

        // ---- jinan_rent_subsidy/rent_subsidy.drl (combine: all) ----
        int rent = rentInForce.inForce(asOf) ? PASS : FAIL;                                   // IN_FORCE
        boolean covered = degree.known
                && (degree.level == DegreeLevel.BACHELOR || degree.level == DegreeLevel.JUNIOR_COLLEGE);
        // DEGREE: a bachelor's or junior college degree passes; a postgraduate one or none that counts fails
        rent = worse(rent, covered ? PASS : degree.known ? FAIL : UNKNOWN);
        // GRADUATION_WINDOW: from the covered degree's graduation; UNKNOWN without a date or without the degree
        int rentWindow;
        if (covered) {
            rentWindow = degree.graduated == null ? UNKNOWN
                    : Dates.withinYears(degree.graduated, rentWindowYears.threshold(asOf), asOf) ? PASS : FAIL;
        } else {
            rentWindow = degree.known ? FAIL : UNKNOWN;
        }
        rent = worse(rent, rentWindow);
        rent = worse(rent, enterprise);                                                       // ENTERPRISE_EMPLOYER
        rent = worse(rent, employedInJinan);                                                  // EMPLOYED_IN_JINAN
        rent = worse(rent, insuredInJinan);                                                   // INSURED_IN_JINAN
        // NO_HOME_IN_JINAN: an omitted list is unknown, an empty one known to be empty
        List<String> homes = person.housing().homesOwnedRegions();
        int noHome;
        if (homes == null) {
            noHome = UNKNOWN;
        } else {
            noHome = PASS;
            for (int i = 0, n = homes.size(); i < n; i++) {
                if (Regions.inCity(homes.get(i), Regions.JINAN)) {
                    noHome = FAIL;
                    break;
                }
            }
        }
        rent = worse(rent, noHome);
        // NOT_WITH_LIVING_SUBSIDY: living months paid fail; otherwise the living decision ELIGIBLE fails,
        // NEEDS_INFO is UNKNOWN, INELIGIBLE passes. (When the living subsidy is NEEDS_INFO another rent criterion is
        // already UNKNOWN or FAIL: the degrees, employer and regions it lacks the rent subsidy needs too, and a
        // postgraduate fails DEGREE here; so this UNKNOWN never decides the rent outcome alone. Kept as the rule.)
        int notWithLiving;
        if (livingPaid > 0) {
            notWithLiving = FAIL;
        } else if (livingPaid == 0) {
            notWithLiving = livingOutcome == Outcome.ELIGIBLE ? FAIL
                    : livingOutcome == Outcome.NEEDS_INFO ? UNKNOWN : PASS;
        } else {
            throw new IllegalStateException("negative living-subsidy months for " + pid + ": no NOT_WITH_LIVING_SUBSIDY rule fires");
        }
        rent = worse(rent, notWithLiving);
        rent = worse(rent, rentPaid < rentMaxMonths.threshold(asOf) ? PASS : FAIL);            // MONTHS_REMAINING
        Outcome rentOutcome = outcome(rent);
        List<Benefit> rentBenefits = List.of();
        if (rentOutcome == Outcome.ELIGIBLE) {
            // "rent subsidy: the monthly amount by degree, for the months still payable"
            int months = rentMaxMonths.integer(asOf) - rentPaid;
            rentBenefits = List.of(Benefit.monthly(pid, RENT, PART,
                    rentAmount.amountBand(asOf, degree.level.ordinal()), months));
        }
        // no rent criterion rests on the tier, so the engine reports no certified tier for it
        Answer rentAnswer = new Answer(RENT, rentOutcome, null, rentBenefits);

        return new Result(tierAnswer, livingAnswer, rentAnswer);
    }

    // ---- criteria shared by both subsidies --------------------------------------------------------------------

    /**
     * ENTERPRISE_EMPLOYER (both DRLs): an enterprise passes; dual registration passes whatever the type (even
     * unknown: the DRL's {@code employerType != ENTERPRISE} holds for null); another known type fails; an unknown
     * type without dual registration is UNKNOWN.
     */
    private static int enterpriseEmployer(EmployerType type, boolean dualRegistration) {
        if (type == EmployerType.ENTERPRISE || dualRegistration) {
            return PASS;
        }
        return type == null ? UNKNOWN : FAIL;
    }

    /** EMPLOYED_IN_JINAN / INSURED_IN_JINAN (both DRLs): a null region is UNKNOWN, otherwise Regions.inCity. */
    private static int inJinan(String region) {
        if (region == null) {
            return UNKNOWN;
        }
        return Regions.inCity(region, Regions.JINAN) ? PASS : FAIL;
    }

    /** Combining criteria with "all" (Outcome.allOf): FAIL over UNKNOWN over PASS. */
    private static int worse(int a, int b) {
        return Math.max(a, b);
    }

    private static Outcome outcome(int status) {
        return status == PASS ? Outcome.ELIGIBLE : status == UNKNOWN ? Outcome.NEEDS_INFO : Outcome.INELIGIBLE;
    }

    // ---- the highest degree that counts (HighestDegree.of, without streams) -------------------------------------

    /**
     * As {@code HighestDegree}: {@code known} false when degrees are not given or a degree that could be the
     * highest has an unknown full-time / CSCSE flag; {@code level} null when known and none counts; {@code proven}
     * the best level known to count even when a higher one is in doubt.
     */
    private record Highest(boolean known, DegreeLevel level, LocalDate graduated, DegreeLevel proven) {
    }

    private static final Highest DEGREES_UNKNOWN = new Highest(false, null, null, null);
    private static final Highest NONE_COUNTS = new Highest(true, null, null, null);

    static Highest highest(List<Degree> degrees, LocalDate asOf) {
        if (degrees == null) {
            return DEGREES_UNKNOWN;
        }
        // the best degree held on asOf that counts: highest level, then the later graduation (null first)
        Degree best = null;
        for (int i = 0, n = degrees.size(); i < n; i++) {
            Degree d = degrees.get(i);
            if (!held(d, asOf) || !Boolean.TRUE.equals(d.counts()) || d.level() == null) {
                continue;
            }
            if (best == null || better(d, best)) {
                best = d;
            }
        }
        int bestRank = best == null ? 0 : best.level().rank();
        // a degree in doubt matters when it could be the highest: above the best, or at its level but later
        for (int i = 0, n = degrees.size(); i < n; i++) {
            Degree d = degrees.get(i);
            if (!held(d, asOf) || d.counts() != null) {
                continue;
            }
            if (d.level() == null || d.level().rank() > bestRank
                    || (best != null && d.level() == best.level() && (d.graduationDate() == null
                    || best.graduationDate() == null || d.graduationDate().isAfter(best.graduationDate())))) {
                return best == null ? DEGREES_UNKNOWN : new Highest(false, null, null, best.level());
            }
        }
        if (best == null) {
            return NONE_COUNTS;
        }
        return new Highest(true, best.level(), best.graduationDate(), best.level());
    }

    /** A degree graduating after the as-of date is not held yet. */
    private static boolean held(Degree d, LocalDate asOf) {
        return d.graduationDate() == null || !d.graduationDate().isAfter(asOf);
    }

    /** Strictly better: Stream.max keeps the first of equal ones, and so does this. */
    private static boolean better(Degree d, Degree best) {
        int byRank = Integer.compare(d.level().rank(), best.level().rank());
        if (byRank != 0) {
            return byRank > 0;
        }
        LocalDate a = d.graduationDate();
        LocalDate b = best.graduationDate();
        if (a == null) {
            return false;
        }
        return b == null || a.isAfter(b);
    }

    // ---- dated parameters, resolved once ----------------------------------------------------------------------

    /**
     * One dated parameter as arrays: effective dates ascending and the value from each (a table parameter becomes
     * an array by band). A value applies from its date until the next; before the first there is none.
     */
    private static final class Dated {
        private final String key;
        private final LocalDate[] from;
        private final Object[] values;

        private Dated(String key, LocalDate[] from, Object[] values) {
            this.key = key;
            this.from = from;
            this.values = values;
        }

        static Dated of(Map<String, ParameterDefinition> defs, String key, String[] bands) {
            ParameterDefinition def = defs.get(key);
            if (def == null) {
                throw new IllegalArgumentException("No parameter " + key);
            }
            int n = def.values().size();
            LocalDate[] from = new LocalDate[n];
            Object[] values = new Object[n];
            int i = 0;
            for (Map.Entry<LocalDate, Object> e : def.values().entrySet()) { // a NavigableMap: ascending dates
                from[i] = e.getKey();
                values[i] = bands == null ? e.getValue() : byBand(e.getValue(), bands);
                i++;
            }
            return new Dated(key, from, values);
        }

        private static Object[] byBand(Object value, String[] bands) {
            Object[] row = new Object[bands.length];
            if (value instanceof Map<?, ?> table) {
                for (int b = 0; b < bands.length; b++) {
                    row[b] = table.get(bands[b]); // null: no value for that band (the engine would throw)
                }
            }
            return row;
        }

        /** The value in force on the date, or null before the first effective date (ParameterDefinition.valueAt). */
        Object at(LocalDate date) {
            for (int i = from.length - 1; i >= 0; i--) {
                if (!date.isBefore(from[i])) {
                    return values[i];
                }
            }
            return null;
        }

        /** Parameters.threshold: before the first effective date, the first value. */
        private Object orFirst(LocalDate date) {
            Object value = at(date);
            return value != null ? value : values[0];
        }

        boolean inForce(LocalDate date) {
            return Boolean.TRUE.equals(at(date));
        }

        int threshold(LocalDate date) {
            return ((BigDecimal) orFirst(date)).intValueExact();
        }

        int thresholdBand(LocalDate date, int band) {
            return ((BigDecimal) band((Object[]) orFirst(date), band, date)).intValueExact();
        }

        /** Parameters.integer: null (here, an exception) before the first effective date. */
        int integer(LocalDate date) {
            return ((BigDecimal) required(at(date), date)).intValueExact();
        }

        int integerBand(LocalDate date, int band) {
            return ((BigDecimal) band((Object[]) required(at(date), date), band, date)).intValueExact();
        }

        BigDecimal amountBand(LocalDate date, int band) {
            return (BigDecimal) band((Object[]) required(at(date), date), band, date);
        }

        private Object required(Object value, LocalDate date) {
            if (value == null) {
                throw new IllegalStateException("Parameter " + key + " has no value on " + date);
            }
            return value;
        }

        private Object band(Object[] row, int band, LocalDate date) {
            Object value = row[band];
            if (value == null) {
                throw new IllegalArgumentException("Parameter " + key + " has no value for band " + band + " on " + date);
            }
            return value;
        }
    }
}
