package cn.talentpolicy.sweeps;

import cn.talentpolicy.facts.DegreeLevel;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.facts.Nationality;
import cn.talentpolicy.facts.ProfessionalTitle;
import cn.talentpolicy.facts.SkillLevel;
import cn.talentpolicy.facts.SpecialZone;
import cn.talentpolicy.sweeps.Shandong.City;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One synthetic resident of Shandong and the records the government holds about them, in the record format of
 * the certification API. The proportions below are plausible for a working population (census shares where we
 * have them, round guesses otherwise, each named and commented); they are meant to make a sweep meet every case
 * the policies know, not to be statistics. Every date is on or before the as-of date, every record retrieved
 * within its source's staleness limit before it, except the small shares made stale on purpose.
 */
final class SyntheticPerson {

    // --- who: age and place ----------------------------------------------------------------------------------
    /** Ages are uniform over the working years 20 to 60. */
    static final int MIN_AGE = 20;
    static final int MAX_AGE = 60;
    /** Cities are drawn by census population, but degree holders lean to Jinan and Qingdao: both have about 1.7
     * times the province's share of residents with higher education (2020 census). */
    static final double BIG_CITY_DRAW_GRADUATES = 1.7;
    /** Postgraduates lean to them more: the universities and research institutes are there. */
    static final double BIG_CITY_DRAW_POSTGRADUATES = 2.5;
    /** Within their city, postgraduates lean to the high-tech and university districts (Laoshan, Lixia, Licheng). */
    static final double TECH_DISTRICT_DRAW = 3.0;
    static final java.util.Set<String> TECH_DISTRICTS = java.util.Set.of(Shandong.LAOSHAN, "370102", "370112");

    // --- highest degree by age (none, junior college, bachelor, master, doctorate): younger is more educated ---
    static final double[] DEGREES_20S = {0.48, 0.24, 0.21, 0.06, 0.01};
    static final double[] DEGREES_30S = {0.52, 0.22, 0.19, 0.06, 0.012};
    static final double[] DEGREES_40S = {0.68, 0.15, 0.13, 0.035, 0.008};
    static final double[] DEGREES_50S = {0.82, 0.09, 0.07, 0.015, 0.004};
    /** Share of bachelors who first earned a junior college diploma (专升本). */
    static final double TOP_UP_BACHELOR = 0.12;
    /** Share of doctorates who went straight from a bachelor's (直博). */
    static final double DIRECT_DOCTORATE = 0.15;
    /** Share of the highest degree earned overseas: bachelor, master, doctorate. */
    static final double[] OVERSEAS = {0.015, 0.10, 0.06};
    /** Of overseas degrees: CSCSE certified, CSCSE refused; the rest have no CSCSE record. */
    static final double CSCSE_CERTIFIED = 0.85;
    static final double CSCSE_REFUSED = 0.03;
    /** Share of domestic degrees from a double first-class university: bachelor, master, doctorate. */
    static final double[] DOUBLE_FIRST_CLASS = {0.10, 0.30, 0.50};
    /** Share of domestic bachelor's and higher degrees in a shortage major. */
    static final double SHORTAGE_MAJOR = 0.10;
    /** Share of degrees studied full-time (统招): junior college, bachelor (under 40 / 40 and over), master, doctorate. */
    static final double FULL_TIME_JUNIOR_COLLEGE = 0.85;
    static final double FULL_TIME_BACHELOR_YOUNG = 0.92;
    static final double FULL_TIME_BACHELOR_OLD = 0.80;
    static final double FULL_TIME_MASTER = 0.85;
    static final double FULL_TIME_DOCTORATE = 0.95;

    // --- work -----------------------------------------------------------------------------------------------
    /** Share employed: aged under 25, 25 to 54, 55 and over; a degree adds the bonus. */
    static final double EMPLOYED_YOUNG = 0.60;
    static final double EMPLOYED_PRIME = 0.85;
    static final double EMPLOYED_OLD = 0.55;
    static final double EMPLOYED_DEGREE_BONUS = 0.08;
    /** Mean years in the current job (exponential, cut at the start of the career). */
    static final double MEAN_TENURE_YEARS = 5;
    /** Employer types (ENTERPRISE, PUBLIC_INSTITUTION, GOVERNMENT, SOCIAL_ORGANISATION, SELF_EMPLOYED) by degree. */
    static final double[] EMPLOYERS_NO_DEGREE = {0.85, 0.03, 0.01, 0.02, 0.09};
    static final double[] EMPLOYERS_BACHELOR = {0.75, 0.12, 0.08, 0.02, 0.03};
    static final double[] EMPLOYERS_MASTER = {0.65, 0.22, 0.10, 0.03, 0.00};
    static final double[] EMPLOYERS_DOCTORATE = {0.45, 0.45, 0.08, 0.02, 0.00};
    /** Share of public-institution and government staff on the establishment (在编). */
    static final double ON_ESTABLISHMENT = 0.70;
    /** Share of established public-institution staff working in an enterprise under dual registration (双落户). */
    static final double DUAL_REGISTRATION = 0.05;
    /** Labour contract lengths in years (1, 2, 3, 5, 10) for enterprises and social organisations. */
    static final int[] CONTRACT_YEARS = {1, 2, 3, 5, 10};
    static final double[] CONTRACT_SHARES = {0.08, 0.12, 0.45, 0.25, 0.10};
    /** Share of enterprise staff working at a recognised or unrecognised talent enclave outside the province. */
    static final double ENCLAVE = 0.005;
    /** Share of enclaves the registry recognises. */
    static final double ENCLAVE_RECOGNISED = 0.85;
    /** Share of Huangdao employers in the free-trade zone; of Jiaozhou employers in the SCO zone. */
    static final double IN_FTZ = 0.20;
    static final double IN_SCO_ZONE = 0.25;

    // --- identity and insurance -----------------------------------------------------------------------------
    /** Share with a hukou record at all. */
    static final double HUKOU_RECORD = 0.975;
    /** Share of non-mainland nationals (foreign, Hong Kong, Taiwan, Macao), who hold no hukou. */
    static final double NON_MAINLAND = 0.003;
    /** Of mainland hukou: in the city of residence, elsewhere in Shandong; the rest in another province. */
    static final double HUKOU_SAME_CITY = 0.70;
    static final double HUKOU_OTHER_SHANDONG_CITY = 0.22;
    /** Share of the employed with a social-insurance record; of those, share insured outside the employer's region. */
    static final double INSURED = 0.95;
    static final double INSURED_ELSEWHERE = 0.03;
    /** Share of people without an employer who pay insurance themselves (flexible employment). */
    static final double SELF_INSURED = 0.25;

    // --- housing --------------------------------------------------------------------------------------------
    /** Share with a property-registry record (the rest: homes owned unknown). */
    static final double PROPERTY_RECORD = 0.93;
    /** Share owning a home: aged under 25, 25-29, 30-34, 35-44, 45 and over. */
    static final double[] OWNS_HOME = {0.04, 0.22, 0.48, 0.68, 0.78};
    /** Share of owners with a second home. */
    static final double SECOND_HOME = 0.12;
    /** Share of owners whose first home is in their hukou city rather than where they live. */
    static final double HOME_IN_HUKOU_CITY = 0.15;
    /** Share of owners with a purchase in the last six years on record: under 35, 35-44, 45 and over. */
    static final double[] RECENT_PURCHASE = {0.45, 0.20, 0.08};
    /** Share of recent purchases made after the current job started (the rest may be before it). */
    static final double PURCHASE_AFTER_START = 0.80;
    /** Share of owners who bought talent or other subsidised housing. */
    static final double SUBSIDISED_HOUSING = 0.04;
    /** Share of people owning no home whose record is their own declaration (承诺制), not the registry's. */
    static final double DECLARED_NO_HOME = 0.08;

    // --- qualifications -------------------------------------------------------------------------------------
    /** Chance of a professional title for employed degree holders at 26, and its rise per year of age. */
    static final double TITLE_AT_26 = 0.15;
    static final double TITLE_PER_YEAR = 0.012;
    /** Share of employed people without a bachelor's holding a vocational skill level. */
    static final double SKILL_LEVEL = 0.15;
    /** Skill levels, junior worker up to senior technician. */
    static final double[] SKILL_SHARES = {0.30, 0.30, 0.25, 0.12, 0.03};
    /** Share of title records that are the person's own declaration. */
    static final double DECLARED_TITLE = 0.01;
    /** Honours, for doctorates aged 38 and over and full-senior titles: municipal, provincial, national, top award, academician. */
    static final double[] HONOURS = {0.05, 0.015, 0.004, 0.0003, 0.0003};
    /** Share of doctorates who did a postdoc (about 0.1% of everyone). */
    static final double POSTDOC = 0.12;
    /** Share of postdoctoral stations in Shandong. */
    static final double STATION_IN_SHANDONG = 0.92;

    // --- the subsidy ledger ---------------------------------------------------------------------------------
    /** Share of young graduates working in a city with a policy (or postdocs, or buyers) who have a ledger record. */
    static final double LEDGER = 0.40;
    /** Share of those ledger records that hold no entry yet. */
    static final double EMPTY_LEDGER = 0.10;
    /** Graduates are "young" for the ledger this many years after graduation. */
    static final int LEDGER_YEARS = 6;
    /** Share of Qingdao public-sector graduates paid a settling-in allowance, and its amount. */
    static final double SETTLING_IN = 0.30;
    static final int SETTLING_IN_AMOUNT = 20_000;
    /** The unit each policy's ledger entries are in, as its policy.yaml {@code ledger:} says (a test holds them to it). */
    static final Map<String, String> LEDGER_UNITS = Map.of(
            "jinan_living_subsidy", "months", "jinan_rent_subsidy", "months",
            "jinan_home_purchase_subsidy", "amount", "qingdao_graduate_housing_subsidy", "months",
            "laoshan_talent_living_allowance", "amount", "taian_youth_living_subsidy", "months",
            "zibo_graduate_subsidy/junior_college", "months", "zibo_graduate_subsidy/home", "amount",
            "shandong_postdoc_subsidy/in_station", "amount", "shandong_postdoc_subsidy/exit", "amount");

    // --- retrieval ------------------------------------------------------------------------------------------
    /** Share of records retrieved beyond their source's staleness limit: insurance, employer, property, hukou. */
    static final double STALE_INSURANCE = 0.03;
    static final double STALE_EMPLOYER = 0.02;
    static final double STALE_PROPERTY = 0.02;
    static final double STALE_HUKOU = 0.01;

    private static final LocalDate TAIAN_START = LocalDate.of(2022, 5, 17);
    private static final LocalDate ZIBO_START = LocalDate.of(2021, 12, 17);
    private static final LocalDate ZIBO_MONTHLY = LocalDate.of(2022, 8, 10);
    private static final LocalDate JINAN_QINGDAO_START = LocalDate.of(2021, 1, 1);
    private static final LocalDate POSTDOC_START = LocalDate.of(2020, 2, 24);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Degree(DegreeLevel level, LocalDate graduation, String institution, boolean overseas,
                          boolean doubleFirstClass, boolean fullTime) {
    }

    private record Job(EmployerType type, String name, String region, LocalDate start, Integer contractYears,
                       boolean onEstablishment, boolean dualRegistration, SpecialZone zone, String enclaveParent,
                       boolean enclaveRecognised) {

        /** Where the work counts, for the ledger: the parent employer's region for a recognised enclave. */
        String countsIn() {
            return enclaveParent != null && enclaveRecognised ? enclaveParent : region;
        }
    }

    private record Payment(String policyId, String part, Integer months, Integer amount) {
    }

    private final String number;
    private final LocalDate asOf;
    private final SplitMix rng;
    private final ArrayNode records = NODES.arrayNode();

    private LocalDate birth;
    private int age;
    private City city;
    private String district;
    private City hukouCity;
    private String hukouRegion;
    private Nationality nationality;
    private final List<Degree> degrees = new ArrayList<>();
    private Degree highest;
    private LocalDate postdocEntry;
    private LocalDate postdocExit;
    private String stationRegion;
    private Job job;
    private final List<String> homes = new ArrayList<>();
    private LocalDate purchaseDate;
    private String purchaseRegion;

    private SyntheticPerson(String number, LocalDate asOf, SplitMix rng) {
        this.number = number;
        this.asOf = asOf;
        this.rng = rng;
    }

    /** Person number {@code number} (the digits of their id), drawn from {@code rng}, as the record format's JSON. */
    static ObjectNode generate(String number, LocalDate asOf, SplitMix rng) {
        return new SyntheticPerson(number, asOf, rng).build();
    }

    private ObjectNode build() {
        age = rng.between(MIN_AGE, MAX_AGE);
        birth = asOf.minusYears(age).minusDays(rng.nextInt(365));
        education();
        place();
        postdoc();
        employment();
        hukou();
        degreeRecords();
        titles();
        employerRecord();
        insurance();
        property();
        postdocRecord();
        ledger();
        if (records.isEmpty()) {
            hukouRecord(); // everyone in the population is known from some record
        }
        ObjectNode person = NODES.objectNode();
        person.put("personId", "P" + number);
        person.set("records", records);
        return person;
    }

    private void place() {
        int rank = highest == null ? 0 : highest.level().rank();
        double draw = rank >= 3 ? BIG_CITY_DRAW_POSTGRADUATES : rank == 2 ? BIG_CITY_DRAW_GRADUATES : 1;
        double[] cities = Shandong.CITY_WEIGHTS.clone();
        cities[0] *= draw; // Jinan
        cities[1] *= draw; // Qingdao
        city = Shandong.CITIES.get(rng.weighted(cities));
        double[] districts = new double[city.districts().size()];
        for (int i = 0; i < districts.length; i++) {
            districts[i] = rank >= 3 && TECH_DISTRICTS.contains(city.districts().get(i)) ? TECH_DISTRICT_DRAW : 1;
        }
        district = city.districts().get(rng.weighted(districts));
    }

    // --- education --------------------------------------------------------------------------------------------

    private void education() {
        double[] shares = age < 30 ? DEGREES_20S : age < 40 ? DEGREES_30S : age < 50 ? DEGREES_40S : DEGREES_50S;
        int level = rng.weighted(shares); // 0 none, 1 junior college, 2 bachelor, 3 master, 4 doctorate
        // someone too young to have finished the degree drawn is still studying for it: they hold the one below
        while (level > 0 && graduation(level, 0).isAfter(asOf)) {
            level = level <= 2 ? 0 : level - 1;
        }
        if (level == 0) {
            return;
        }
        LocalDate top = graduation(level, rng.nextInt(level == 4 ? 3 : 2));
        top = top.isAfter(asOf) ? graduation(level, 0) : top;
        switch (level) {
            case 1 -> degrees.add(degree(DegreeLevel.JUNIOR_COLLEGE, top));
            case 2 -> {
                if (rng.chance(TOP_UP_BACHELOR)) {
                    degrees.add(degree(DegreeLevel.JUNIOR_COLLEGE, top.minusYears(2)));
                }
                degrees.add(degree(DegreeLevel.BACHELOR, top));
            }
            case 3 -> {
                degrees.add(degree(DegreeLevel.BACHELOR, graduation(2, 0)));
                degrees.add(degree(DegreeLevel.MASTER, top));
            }
            default -> {
                degrees.add(degree(DegreeLevel.BACHELOR, graduation(2, 0)));
                if (!rng.chance(DIRECT_DOCTORATE)) {
                    degrees.add(degree(DegreeLevel.MASTER, graduation(3, 0)));
                }
                degrees.add(degree(DegreeLevel.DOCTORATE, top));
            }
        }
        highest = degrees.get(degrees.size() - 1);
        // the last degree may have been earned overseas
        if (level >= 2 && rng.chance(OVERSEAS[level - 2])) {
            highest = new Degree(highest.level(), highest.graduation(), rng.pick(Shandong.OVERSEAS), true, false, true);
            degrees.set(degrees.size() - 1, highest);
        }
    }

    /** Graduation in late June or early July of the year the person reaches the degree's usual age (plus years). */
    private LocalDate graduation(int level, int extraYears) {
        int usualAge = switch (level) {
            case 1 -> 21;
            case 2 -> 22;
            case 3 -> 25;
            default -> 29;
        };
        int year = birth.getYear() + usualAge + extraYears + (birth.getMonthValue() >= 9 ? 1 : 0);
        return LocalDate.of(year, 6, 20).plusDays((birth.getDayOfYear() * 7L) % 20);
    }

    private Degree degree(DegreeLevel level, LocalDate graduation) {
        if (level == DegreeLevel.JUNIOR_COLLEGE) {
            return new Degree(level, graduation, rng.pick(Shandong.JUNIOR_COLLEGES), false, false,
                    rng.chance(FULL_TIME_JUNIOR_COLLEGE));
        }
        boolean dfc = rng.chance(DOUBLE_FIRST_CLASS[level.rank() - 2]);
        double fullTime = switch (level) {
            case BACHELOR -> age < 40 ? FULL_TIME_BACHELOR_YOUNG : FULL_TIME_BACHELOR_OLD;
            case MASTER -> FULL_TIME_MASTER;
            default -> FULL_TIME_DOCTORATE;
        };
        return new Degree(level, graduation, rng.pick(dfc ? Shandong.DOUBLE_FIRST_CLASS : Shandong.UNIVERSITIES), false,
                dfc, rng.chance(fullTime));
    }

    private void degreeRecords() {
        for (int i = 0; i < degrees.size(); i++) {
            Degree d = degrees.get(i);
            ObjectNode r = record("EDUCATION_REGISTRY", "EDU-" + number + "-" + (i + 1), eventRetrieval(d.graduation()));
            r.put("level", d.level().name());
            if (!d.overseas()) {
                r.put("fullTime", d.fullTime());
            }
            r.put("graduationDate", d.graduation().toString());
            r.put("institution", d.institution());
            if (d.overseas()) {
                r.put("overseas", true);
            } else if (d.level() != DegreeLevel.JUNIOR_COLLEGE) {
                r.put("doubleFirstClass", d.doubleFirstClass());
                r.put("shortageMajor", rng.chance(SHORTAGE_MAJOR));
            }
            if (d.overseas()) {
                int cscse = rng.weighted(CSCSE_CERTIFIED, CSCSE_REFUSED, 1 - CSCSE_CERTIFIED - CSCSE_REFUSED);
                if (cscse < 2) {
                    ObjectNode c = record("CSCSE", "CS-" + number + "-" + (i + 1), eventRetrieval(d.graduation()));
                    c.put("degreeRecordId", "EDU-" + number + "-" + (i + 1));
                    c.put("certified", cscse == 0);
                }
            }
        }
    }

    // --- postdoctoral stay ------------------------------------------------------------------------------------

    private void postdoc() {
        if (highest == null || highest.level() != DegreeLevel.DOCTORATE || !rng.chance(POSTDOC)) {
            return;
        }
        LocalDate entry = highest.graduation().plusDays(rng.between(30, 200));
        if (entry.isAfter(asOf)) {
            return;
        }
        postdocEntry = entry;
        LocalDate exit = entry.plusYears(2).plusDays(rng.nextInt(540));
        postdocExit = exit.isAfter(asOf) ? null : exit;
        stationRegion = rng.chance(STATION_IN_SHANDONG) ? district : rng.pick(Shandong.OTHER_PROVINCE_STATIONS);
    }

    private void postdocRecord() {
        if (postdocEntry == null) {
            return;
        }
        ObjectNode r = record("POSTDOC_REGISTRY", "PD-" + number, eventRetrieval(postdocExit != null ? postdocExit
                : postdocEntry));
        r.put("entryDate", postdocEntry.toString());
        if (postdocExit != null) {
            r.put("exitDate", postdocExit.toString());
        }
        r.put("stationRegion", stationRegion);
    }

    // --- work ----------------------------------------------------------------------------------------------------

    private void employment() {
        int rank = highest == null ? 0 : highest.level().rank();
        if (postdocEntry != null && postdocExit == null) {
            // in station: employed by the station's institution for the stay
            job = new Job(EmployerType.PUBLIC_INSTITUTION, stationName(), stationRegion, postdocEntry, 2, false, false,
                    null, null, false);
            return;
        }
        double employed = age < 25 ? EMPLOYED_YOUNG : age < 55 ? EMPLOYED_PRIME : EMPLOYED_OLD;
        if (!rng.chance(employed + (rank >= 2 ? EMPLOYED_DEGREE_BONUS : 0))) {
            return;
        }
        LocalDate careerStart = careerStart();
        long careerDays = ChronoUnit.DAYS.between(careerStart, asOf);
        if (careerDays < 0) {
            return; // still looking for a first job
        }
        LocalDate start = asOf.minusDays(Math.min(careerDays, rng.exponentialDays(MEAN_TENURE_YEARS * 365)));
        double[] types = rank == 4 ? EMPLOYERS_DOCTORATE : rank == 3 ? EMPLOYERS_MASTER
                : rank == 2 ? EMPLOYERS_BACHELOR : EMPLOYERS_NO_DEGREE;
        EmployerType type = EmployerType.values()[rng.weighted(types)];
        boolean publicSector = type == EmployerType.PUBLIC_INSTITUTION || type == EmployerType.GOVERNMENT;
        boolean established = publicSector && rng.chance(ON_ESTABLISHMENT);
        boolean dual = established && type == EmployerType.PUBLIC_INSTITUTION && rng.chance(DUAL_REGISTRATION);
        Integer contract = switch (type) {
            case ENTERPRISE, SOCIAL_ORGANISATION -> CONTRACT_YEARS[rng.weighted(CONTRACT_SHARES)];
            case PUBLIC_INSTITUTION, GOVERNMENT -> established ? null : rng.chance(0.5) ? 3 : 5;
            case SELF_EMPLOYED -> null;
        };
        SpecialZone zone = null;
        if (district.equals(Shandong.HUANGDAO) && rng.chance(IN_FTZ)) {
            zone = SpecialZone.QINGDAO_FTZ;
        } else if (district.equals(Shandong.JIAOZHOU) && rng.chance(IN_SCO_ZONE)) {
            zone = SpecialZone.QINGDAO_SCO_ZONE;
        }
        String region = district;
        String parent = null;
        boolean recognised = false;
        String name = employerName(type);
        if (type == EmployerType.ENTERPRISE && rng.chance(ENCLAVE)) {
            int at = rng.nextInt(Shandong.ENCLAVE_REGIONS.size());
            region = Shandong.ENCLAVE_REGIONS.get(at);
            parent = district;
            recognised = rng.chance(ENCLAVE_RECOGNISED);
            name = name + " (" + Shandong.ENCLAVE_CITIES.get(at) + " R&D Centre)";
            zone = null;
        }
        job = new Job(type, name, region, start, contract, established, dual, zone, parent, recognised);
    }

    private LocalDate careerStart() {
        if (highest == null) {
            return birth.plusYears(18).plusDays(rng.nextInt(3 * 365));
        }
        LocalDate from = postdocExit != null ? postdocExit : highest.graduation();
        return from.plusDays(rng.nextInt(150));
    }

    private String employerName(EmployerType type) {
        return switch (type) {
            case ENTERPRISE -> city.name() + " " + rng.pick(Shandong.BRANDS) + " " + rng.pick(Shandong.INDUSTRIES)
                    + " Co., Ltd.";
            case PUBLIC_INSTITUTION -> highest != null && highest.level() == DegreeLevel.DOCTORATE && rng.chance(0.5)
                    ? rng.pick(Shandong.UNIVERSITIES) : city.name() + " " + rng.pick(Shandong.PUBLIC_INSTITUTIONS);
            case GOVERNMENT -> city.name() + " " + rng.pick(Shandong.GOVERNMENT_BODIES);
            case SOCIAL_ORGANISATION -> city.name() + " " + rng.pick(Shandong.INDUSTRIES) + " Industry Association";
            case SELF_EMPLOYED -> rng.pick(Shandong.BRANDS) + " " + rng.pick(Shandong.SMALL_BUSINESSES);
        };
    }

    private String stationName() {
        return rng.pick(Shandong.DOUBLE_FIRST_CLASS) + " Postdoctoral Research Station";
    }

    private void employerRecord() {
        if (job == null) {
            return;
        }
        ObjectNode r = record("EMPLOYER_REGISTRY", "EMP-" + number, stateRetrieval(80, STALE_EMPLOYER, 90, job.start()));
        r.put("employerName", job.name());
        r.put("employerRegion", job.region());
        r.put("employerType", job.type().name());
        r.put("onEstablishment", job.onEstablishment());
        r.put("startDate", job.start().toString());
        if (job.contractYears() != null) {
            r.put("contractYears", job.contractYears());
        }
        if (job.zone() != null) {
            r.put("specialZone", job.zone().name());
        }
        if (job.enclaveParent() != null) {
            ObjectNode enclave = r.putObject("enclave");
            enclave.put("parentEmployerRegion", job.enclaveParent());
            enclave.put("recognised", job.enclaveRecognised());
        }
        if (job.dualRegistration()) {
            r.put("dualRegistration", true);
        }
    }

    private void insurance() {
        String region;
        LocalDate since;
        if (job != null) {
            if (!rng.chance(INSURED)) {
                return;
            }
            region = rng.chance(INSURED_ELSEWHERE) ? rng.pick(hukouCity.districts()) : job.region();
            since = careerStartOr(job.start());
        } else {
            if (!rng.chance(SELF_INSURED)) {
                return;
            }
            region = district;
            since = birth.plusYears(22);
        }
        ObjectNode r = record("SOCIAL_INSURANCE", "SI-" + number,
                stateRetrieval(40, STALE_INSURANCE, 45, job == null ? null : job.start()));
        r.put("region", region);
        if (job != null) {
            r.put("employerName", job.name());
        }
        long months = Math.max(0, ChronoUnit.MONTHS.between(since, asOf));
        r.put("monthsPaid", (int) Math.min(1200, months * rng.between(85, 100) / 100));
    }

    /** When insurance payments began: the first job, or the current one's start if that is all there is. */
    private LocalDate careerStartOr(LocalDate start) {
        LocalDate first = highest == null ? birth.plusYears(19) : highest.graduation();
        return first.isBefore(start) ? first : start;
    }

    // --- identity -------------------------------------------------------------------------------------------

    private void hukou() {
        int where = rng.weighted(HUKOU_SAME_CITY, HUKOU_OTHER_SHANDONG_CITY,
                1 - HUKOU_SAME_CITY - HUKOU_OTHER_SHANDONG_CITY);
        hukouCity = where == 1 ? Shandong.CITIES.get(rng.weighted(Shandong.CITY_WEIGHTS)) : city;
        hukouRegion = switch (where) {
            case 0 -> rng.chance(0.6) ? district : rng.pick(city.districts());
            case 1 -> rng.pick(hukouCity.districts());
            default -> rng.pick(Shandong.OTHER_PROVINCE_HUKOU);
        };
        nationality = !rng.chance(NON_MAINLAND) ? Nationality.MAINLAND
                : List.of(Nationality.FOREIGN, Nationality.HONG_KONG, Nationality.TAIWAN, Nationality.MACAO)
                .get(rng.weighted(0.45, 0.25, 0.20, 0.10));
        if (rng.chance(HUKOU_RECORD)) {
            hukouRecord();
        }
    }

    private void hukouRecord() {
        ObjectNode r = record("HUKOU", "HK-" + number, stateRetrieval(300, STALE_HUKOU, 365, birth));
        r.put("birthDate", birth.toString());
        r.put("nationality", nationality.name());
        if (nationality == Nationality.MAINLAND) { // others hold no hukou
            r.put("hukouRegion", hukouRegion);
        }
    }

    // --- qualifications -------------------------------------------------------------------------------------

    private void titles() {
        if (job == null) {
            return;
        }
        int rank = highest == null ? 0 : highest.level().rank();
        if (rank >= 2 && age >= 26) {
            double chance = TITLE_AT_26 + TITLE_PER_YEAR * (age - 26);
            if (job.type() == EmployerType.PUBLIC_INSTITUTION) {
                chance = Math.min(0.9, chance * 1.5);
            }
            if (rng.chance(chance)) {
                long years = ChronoUnit.YEARS.between(highest.graduation(), asOf) + (rank == 4 ? 5 : 0);
                ProfessionalTitle title = years < 4 ? ProfessionalTitle.JUNIOR
                        : years < 9 ? (rng.chance(0.8) ? ProfessionalTitle.INTERMEDIATE : ProfessionalTitle.JUNIOR)
                        : years < 16 ? (rng.chance(0.65) ? ProfessionalTitle.INTERMEDIATE : ProfessionalTitle.DEPUTY_SENIOR)
                        : List.of(ProfessionalTitle.INTERMEDIATE, ProfessionalTitle.DEPUTY_SENIOR,
                        ProfessionalTitle.FULL_SENIOR).get(rng.weighted(0.3, 0.5, 0.2));
                ObjectNode r = record("TITLE_REGISTRY", "TR-" + number + "-1", eventRetrieval(highest.graduation()));
                declared(r, DECLARED_TITLE);
                r.put("professionalTitle", title.name());
                honours(title);
            }
        } else if (rank < 2 && rng.chance(SKILL_LEVEL)) {
            SkillLevel skill = List.of(SkillLevel.JUNIOR_WORKER, SkillLevel.INTERMEDIATE_WORKER,
                    SkillLevel.SENIOR_WORKER, SkillLevel.TECHNICIAN, SkillLevel.SENIOR_TECHNICIAN)
                    .get(rng.weighted(SKILL_SHARES));
            ObjectNode r = record("TITLE_REGISTRY", "TR-" + number + "-1", eventRetrieval(birth.plusYears(20)));
            declared(r, DECLARED_TITLE);
            r.put("skillLevel", skill.name());
        }
    }

    private void honours(ProfessionalTitle title) {
        boolean senior = highest.level() == DegreeLevel.DOCTORATE && age >= 38 || title == ProfessionalTitle.FULL_SENIOR;
        if (!senior) {
            return;
        }
        // at most one honour each: the rarest that comes up
        Honour[] kinds = {Honour.MUNICIPAL_LEADING_TALENT, Honour.PROVINCIAL_LEADING_TALENT,
                Honour.NATIONAL_LEADING_TALENT, Honour.NATIONAL_TOP_AWARD, Honour.ACADEMICIAN};
        Honour honour = null;
        for (int i = 0; i < kinds.length; i++) {
            if (rng.chance(HONOURS[i])) {
                honour = kinds[i];
            }
        }
        if (honour != null) {
            record("HONOURS_REGISTRY", "HON-" + number + "-1", eventRetrieval(highest.graduation())).put("honour",
                    honour.name());
        }
    }

    // --- housing --------------------------------------------------------------------------------------------

    private void property() {
        int band = age < 25 ? 0 : age < 30 ? 1 : age < 35 ? 2 : age < 45 ? 3 : 4;
        if (rng.chance(OWNS_HOME[band])) {
            City first = hukouCity != city && hukouCity != null && rng.chance(HOME_IN_HUKOU_CITY) ? hukouCity : city;
            homes.add(first == city && rng.chance(0.7) ? district : rng.pick(first.districts()));
            if (rng.chance(SECOND_HOME)) {
                homes.add(rng.pick(city.districts()));
            }
            double recent = RECENT_PURCHASE[age < 35 ? 0 : age < 45 ? 1 : 2];
            if (rng.chance(recent)) {
                purchase();
            }
        }
        if (!rng.chance(PROPERTY_RECORD)) {
            return;
        }
        ObjectNode r = record("PROPERTY_REGISTRY", "PR-" + number,
                stateRetrieval(80, STALE_PROPERTY, 90, purchaseDate));
        if (homes.isEmpty()) {
            declared(r, DECLARED_NO_HOME);
        }
        ArrayNode owned = r.putArray("homesOwnedRegions");
        homes.forEach(owned::add);
        r.put("boughtSubsidisedHousing", !homes.isEmpty() && rng.chance(SUBSIDISED_HOUSING));
        if (purchaseDate != null) {
            ObjectNode p = r.putObject("purchase");
            p.put("region", purchaseRegion);
            p.put("date", purchaseDate.toString());
            City in = cityOf(purchaseRegion);
            double perSquareMetre = in.pricePerSquareMetre() * Shandong.priceFactor(purchaseRegion)
                    * rng.between(80, 120) / 100.0;
            p.put("price", Math.round(perSquareMetre * rng.between(60, 140) / 1000.0) * 1000);
            long sameCity = homes.stream().filter(h -> h.startsWith(purchaseRegion.substring(0, 4))).count();
            p.put("firstHomeInCity", sameCity == 1);
        }
    }

    private void purchase() {
        LocalDate earliest = asOf.minusYears(6);
        LocalDate adult = birth.plusYears(22);
        earliest = adult.isAfter(earliest) ? adult : earliest;
        if (job != null && job.start().isAfter(earliest) && rng.chance(PURCHASE_AFTER_START)) {
            earliest = job.start();
        }
        long days = ChronoUnit.DAYS.between(earliest, asOf);
        if (days < 1) {
            return;
        }
        purchaseDate = earliest.plusDays(rng.nextInt((int) Math.min(Integer.MAX_VALUE, days)));
        purchaseRegion = homes.get(0);
    }

    private static City cityOf(String region) {
        for (City c : Shandong.CITIES) {
            if (region.startsWith(c.prefix())) {
                return c;
            }
        }
        throw new IllegalArgumentException("not in Shandong: " + region);
    }

    // --- the subsidy ledger ---------------------------------------------------------------------------------

    private void ledger() {
        List<Payment> payments = new ArrayList<>();
        boolean inScope = false;
        if (job != null && highest != null
                && !highest.graduation().isBefore(asOf.minusYears(LEDGER_YEARS))) {
            String prefix = job.countsIn().substring(0, 4);
            inScope = switch (prefix) {
                case "3701", "3702", "3703", "3709" -> true;
                default -> false;
            };
            if (inScope) {
                cityPayments(prefix, payments);
            }
        }
        if (postdocEntry != null && stationRegion.startsWith("37")) {
            inScope = true;
            postdocPayments(payments);
        }
        if (!inScope || !rng.chance(LEDGER)) {
            return;
        }
        ObjectNode r = record("SUBSIDY_LEDGER", "LG-" + number, asOf.minusDays(rng.nextInt(31)));
        ArrayNode entries = r.putArray("entries");
        if (rng.chance(EMPTY_LEDGER)) {
            return;
        }
        for (Payment p : payments) {
            ObjectNode e = entries.addObject();
            e.put("policyId", p.policyId());
            if (p.part() != null) {
                e.put("part", p.part());
            }
            if (p.months() != null) {
                e.put("monthsPaid", p.months());
            }
            if (p.amount() != null) {
                e.put("amountPaid", p.amount());
            }
        }
    }

    private void cityPayments(String prefix, List<Payment> payments) {
        DegreeLevel level = highest.level();
        boolean postgraduate = level == DegreeLevel.MASTER || level == DegreeLevel.DOCTORATE;
        switch (prefix) {
            case "3701" -> {
                if (job.type() == EmployerType.ENTERPRISE || job.dualRegistration()) {
                    months(postgraduate ? "jinan_living_subsidy" : "jinan_rent_subsidy", null, JINAN_QINGDAO_START,
                            36, payments);
                }
                if (postgraduate && purchaseDate != null && purchaseRegion.startsWith("3701") && rng.chance(0.5)) {
                    payments.add(new Payment("jinan_home_purchase_subsidy", null, null,
                            level == DegreeLevel.DOCTORATE ? 150_000 : 100_000));
                }
            }
            case "3702" -> {
                if (level != DegreeLevel.JUNIOR_COLLEGE) {
                    months("qingdao_graduate_housing_subsidy", null, JINAN_QINGDAO_START, 36, payments);
                }
                if (postgraduate && job.countsIn().equals(Shandong.LAOSHAN)) {
                    long years = Math.min(3, ChronoUnit.YEARS.between(job.start(), asOf));
                    if (years > 0) {
                        payments.add(new Payment("laoshan_talent_living_allowance", null, null,
                                (int) years * (level == DegreeLevel.DOCTORATE ? 5_000 : 3_000)));
                    }
                }
                boolean publicSector = job.type() == EmployerType.PUBLIC_INSTITUTION
                        || job.type() == EmployerType.GOVERNMENT;
                if (publicSector && rng.chance(SETTLING_IN)) {
                    payments.add(new Payment("settling_in_allowance", null, null, SETTLING_IN_AMOUNT));
                }
            }
            case "3703" -> {
                if (level == DegreeLevel.JUNIOR_COLLEGE && !job.start().isBefore(ZIBO_START)) {
                    if (job.start().isBefore(ZIBO_MONTHLY)) {
                        payments.add(new Payment("zibo_graduate_subsidy", "junior_college", null, 10_000));
                    } else {
                        months("zibo_graduate_subsidy", "junior_college", ZIBO_MONTHLY, 60, payments);
                    }
                }
                boolean homeSubsidy = level == DegreeLevel.BACHELOR || level == DegreeLevel.MASTER;
                if (homeSubsidy && purchaseDate != null && purchaseRegion.startsWith("3703")
                        && !purchaseDate.isBefore(ZIBO_START) && rng.chance(0.5)) {
                    boolean second = !purchaseDate.isBefore(ZIBO_MONTHLY);
                    int amount = level == DegreeLevel.BACHELOR ? (second ? 80_000 : 50_000) : (second ? 120_000 : 80_000);
                    payments.add(new Payment("zibo_graduate_subsidy", "home", null, amount));
                }
            }
            default -> { // 3709, Tai'an
                if (level != DegreeLevel.JUNIOR_COLLEGE && !job.start().isBefore(TAIAN_START)) {
                    months("taian_youth_living_subsidy", null, TAIAN_START, 36, payments);
                }
            }
        }
    }

    /** Months paid since the later of the job start and the policy's start, claimed a few months late, at most max. */
    private void months(String policyId, String part, LocalDate policyStart, int max, List<Payment> payments) {
        LocalDate from = job.start().isAfter(policyStart) ? job.start() : policyStart;
        long months = ChronoUnit.MONTHS.between(from, asOf) - rng.between(1, 4);
        if (months > 0) {
            payments.add(new Payment(policyId, part, (int) Math.min(max, months), null));
        }
    }

    private void postdocPayments(List<Payment> payments) {
        LocalDate until = postdocExit != null ? postdocExit : asOf;
        long years = Math.min(3, ChronoUnit.YEARS.between(postdocEntry, until)) - rng.nextInt(2);
        if (!postdocEntry.isBefore(POSTDOC_START) && years > 0) {
            payments.add(new Payment("shandong_postdoc_subsidy", "in_station", null, (int) years * 50_000));
        }
        if (postdocExit != null && !postdocExit.isBefore(POSTDOC_START) && rng.chance(0.5)) {
            payments.add(new Payment("shandong_postdoc_subsidy", "exit", null, 150_000));
        }
    }

    // --- records --------------------------------------------------------------------------------------------

    private ObjectNode record(String source, String recordId, LocalDate retrievedOn) {
        ObjectNode r = records.addObject();
        r.put("source", source);
        r.put("recordId", recordId);
        r.put("retrievedOn", retrievedOn.toString());
        return r;
    }

    private void declared(ObjectNode record, double chance) {
        if (rng.chance(chance)) {
            // keep the provenance fields first, as everywhere else
            record.put("selfDeclared", true);
        }
    }

    /**
     * A current-state record: retrieved within {@code fresh} days (never before {@code notBefore}), or, for
     * a {@code staleShare}, between the limit and a year past it.
     */
    private LocalDate stateRetrieval(int fresh, double staleShare, int limit, LocalDate notBefore) {
        LocalDate on = rng.chance(staleShare) ? asOf.minusDays(rng.between(limit + 1, limit + 365))
                : asOf.minusDays(rng.nextInt(fresh + 1));
        return notBefore != null && on.isBefore(notBefore) && !notBefore.isAfter(asOf) ? notBefore : on;
    }

    /** An event record (never stale): retrieved within two years, and not before the event. */
    private LocalDate eventRetrieval(LocalDate event) {
        LocalDate on = asOf.minusDays(rng.nextInt(730));
        return on.isBefore(event) ? event : on;
    }
}
