package cn.talentpolicy.certification;

import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.input.GovernmentRecord;
import cn.talentpolicy.input.PersonDto;
import cn.talentpolicy.input.PersonDto.DegreeDto;
import cn.talentpolicy.input.PersonDto.EmploymentDto;
import cn.talentpolicy.input.PersonDto.HomePurchaseDto;
import cn.talentpolicy.input.PersonDto.HousingDto;
import cn.talentpolicy.input.PersonDto.LedgerEntryDto;
import cn.talentpolicy.input.PersonDto.PostdocDto;
import cn.talentpolicy.input.PersonDto.SocialInsuranceDto;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Puts a person together from government records, field by field, never picking silently:
 * <ul>
 *   <li>a record older than its source's maximum age (days before the as-of date) is not used; a field only
 *       stale records give is unknown, with a STALE issue;</li>
 *   <li>two usable records that give a field different values leave it unknown, with a CONFLICT issue;</li>
 *   <li>lists accumulate (honours, homes owned, ledger entries); the highest title and skill level count;</li>
 *   <li>events do not go stale (a degree, a home purchase, a payment, a postdoctoral stay): only current
 *       states do (identity, employment, insurance, homes owned), as the maximum ages say.</li>
 * </ul>
 * With no record of a kind at all, its facts are unknown, as in an evaluation request that leaves them out.
 */
final class RecordAssembler {

    private final Map<String, Integer> maxAgeDays;

    RecordAssembler(Map<String, Integer> maxAgeDays) {
        this.maxAgeDays = Map.copyOf(maxAgeDays);
    }

    /**
     * @param optimistic false: the facts the evidence proves (stale or conflicting facts unknown, facts that
     *                   could only widen eligibility then none); true: every fact the evidence could support
     *                   (stale records used, a conflict on a widening fact read the widening way). A criterion
     *                   that comes out differently under the two rests on evidence in doubt.
     */
    AssembledPerson assemble(String personId, LocalDate asOf, List<GovernmentRecord> records, boolean optimistic) {
        Assembly a = new Assembly(asOf, optimistic);
        var hukou = GovernmentRecord.Hukou.class;
        // a birth date and a nationality do not change: only the hukou region goes stale
        LocalDate birthDate = a.agreed("birthDate", a.cited("person", records, hukou, GovernmentRecord.Hukou::birthDate),
                GovernmentRecord.Hukou::birthDate);
        var nationality = a.agreed("nationality", a.cited("person", records, hukou, GovernmentRecord.Hukou::nationality),
                GovernmentRecord.Hukou::nationality);
        String hukouRegion = a.single("hukouRegion", "person", records, hukou, GovernmentRecord.Hukou::hukouRegion);

        List<DegreeDto> degrees = degrees(a, records);

        List<GovernmentRecord.Title> titles = a.usable(records, GovernmentRecord.Title.class);
        titles.forEach(t -> a.cite("qualifications", t));
        var title = titles.stream().map(GovernmentRecord.Title::professionalTitle).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        var skill = titles.stream().map(GovernmentRecord.Title::skillLevel).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        List<GovernmentRecord.Honours> honourRecords = a.usable(records, GovernmentRecord.Honours.class);
        honourRecords.forEach(h -> a.cite("qualifications", h));
        List<Honour> honours = honourRecords.stream().map(GovernmentRecord.Honours::honour).distinct().sorted().toList();

        var employer = GovernmentRecord.Employer.class;
        EmploymentDto employment = records.stream().noneMatch(employer::isInstance) ? null : new EmploymentDto(
                a.single("employment.employerRegion", "employment", records, employer, GovernmentRecord.Employer::employerRegion),
                a.single("employment.employerType", "employment", records, employer, GovernmentRecord.Employer::employerType),
                a.single("employment.onEstablishment", "employment", records, employer, GovernmentRecord.Employer::onEstablishment),
                a.single("employment.startDate", "employment", records, employer, GovernmentRecord.Employer::startDate),
                a.single("employment.contractYears", "employment", records, employer, GovernmentRecord.Employer::contractYears),
                a.single("employment.specialZone", "employment", records, employer, GovernmentRecord.Employer::specialZone),
                a.single("employment.enclave", "employment", records, employer, GovernmentRecord.Employer::enclave),
                a.single("employment.dualRegistration", "employment", records, employer,
                        GovernmentRecord.Employer::dualRegistration));

        var insurance = GovernmentRecord.SocialInsurance.class;
        String insuredIn = a.single("socialInsurance.region", "socialInsurance", records, insurance,
                GovernmentRecord.SocialInsurance::region);

        HousingDto housing = housing(a, records);
        PostdocDto postdoc = postdoc(a, records);

        List<LedgerEntryDto> ledger = new ArrayList<>();
        for (GovernmentRecord.Ledger l : a.usable(records, GovernmentRecord.Ledger.class)) {
            a.cite("ledger", l);
            ledger.addAll(l.entries());
        }

        PersonDto person = new PersonDto(personId, birthDate, nationality, hukouRegion, degrees, title, skill,
                honours, employment,
                records.stream().noneMatch(insurance::isInstance) ? null : new SocialInsuranceDto(insuredIn),
                housing, postdoc, ledger.isEmpty() ? null : ledger);
        return new AssembledPerson(person, a.sources, a.issues);
    }

    private List<DegreeDto> degrees(Assembly a, List<GovernmentRecord> records) {
        List<GovernmentRecord.Education> education = a.usable(records, GovernmentRecord.Education.class);
        if (education.isEmpty()) {
            return null;
        }
        List<GovernmentRecord.Cscse> cscse = a.usable(records, GovernmentRecord.Cscse.class);
        // one degree per level and institution: two records of it must agree
        Map<String, List<GovernmentRecord.Education>> byDegree = new LinkedHashMap<>();
        for (GovernmentRecord.Education e : education) {
            String key = e.level() + "|" + (e.institution() == null ? "" : e.institution().trim().toLowerCase());
            byDegree.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<DegreeDto> degrees = new ArrayList<>();
        for (List<GovernmentRecord.Education> same : byDegree.values()) {
            same.forEach(e -> a.cite("education", e));
            GovernmentRecord.Education first = same.get(0);
            Set<String> ids = new LinkedHashSet<>();
            same.forEach(e -> ids.add(e.recordId()));
            List<GovernmentRecord.Cscse> certifications = cscse.stream().filter(c -> ids.contains(c.degreeRecordId()))
                    .toList();
            certifications.forEach(c -> a.cite("education", c));
            degrees.add(new DegreeDto(first.level(),
                    a.agreed("degrees.fullTime", same, GovernmentRecord.Education::fullTime),
                    a.agreed("degrees.graduationDate", same, GovernmentRecord.Education::graduationDate),
                    a.agreed("degrees.overseas", same, GovernmentRecord.Education::overseas),
                    a.agreed("degrees.cscseCertified", certifications, GovernmentRecord.Cscse::certified),
                    a.agreed("degrees.doubleFirstClass", same, GovernmentRecord.Education::doubleFirstClass),
                    a.agreed("degrees.shortageMajor", same, GovernmentRecord.Education::shortageMajor)));
        }
        return degrees;
    }

    private HousingDto housing(Assembly a, List<GovernmentRecord> records) {
        List<GovernmentRecord.Property> all = records.stream().filter(GovernmentRecord.Property.class::isInstance)
                .map(GovernmentRecord.Property.class::cast).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<GovernmentRecord.Property> usable = a.usable(records, GovernmentRecord.Property.class);
        // homes owned is a current state: from usable records only, their lists together
        List<String> homes = null;
        List<GovernmentRecord.Property> withHomes = usable.stream().filter(p -> p.homesOwnedRegions() != null).toList();
        if (!withHomes.isEmpty()) {
            Set<String> regions = new TreeSet<>();
            withHomes.forEach(p -> {
                regions.addAll(p.homesOwnedRegions());
                a.cite("housing", p);
            });
            homes = List.copyOf(regions);
        } else if (all.stream().anyMatch(p -> p.homesOwnedRegions() != null)) {
            a.stale("housing.homesOwnedRegions", all.stream().filter(p -> p.homesOwnedRegions() != null).toList());
        }
        // buying subsidised housing and buying a home are events: they do not go stale
        Boolean subsidised = all.stream().map(GovernmentRecord.Property::boughtSubsidisedHousing).filter(Objects::nonNull)
                .reduce(Boolean::logicalOr).orElse(null);
        all.stream().filter(p -> p.boughtSubsidisedHousing() != null).forEach(p -> a.cite("housing", p));
        // the policies judge one home purchase: two different ones are a conflict, never a silent pick
        List<GovernmentRecord.Property> purchases = all.stream().filter(p -> p.purchase() != null).toList();
        HomePurchaseDto purchase = null;
        if (!purchases.isEmpty()) {
            purchases.forEach(p -> a.cite("homePurchase", p));
            if (purchases.stream().map(GovernmentRecord.Property::purchase).distinct().count() == 1) {
                purchase = purchases.get(0).purchase();
            } else {
                purchase = new HomePurchaseDto(null, null, null, null);
                a.issues.add(new EvidenceIssue("housing.purchase", EvidenceIssue.Kind.CONFLICT,
                        purchases.stream().map(p -> RecordRef.of(p).toString()).toList(),
                        "the records hold different home purchases; the policies judge one"));
            }
        }
        return new HousingDto(homes, subsidised, purchase);
    }

    private PostdocDto postdoc(Assembly a, List<GovernmentRecord> records) {
        List<GovernmentRecord.Postdoc> stays = records.stream().filter(GovernmentRecord.Postdoc.class::isInstance)
                .map(GovernmentRecord.Postdoc.class::cast).toList();
        if (stays.isEmpty()) {
            return null;
        }
        stays.forEach(p -> a.cite("postdoc", p));
        return new PostdocDto(a.agreed("postdoc.entryDate", stays, GovernmentRecord.Postdoc::entryDate),
                a.agreed("postdoc.exitDate", stays, GovernmentRecord.Postdoc::exitDate),
                a.agreed("postdoc.stationRegion", stays, GovernmentRecord.Postdoc::stationRegion));
    }

    /** The work of assembling one person: the sources cited per section and the issues found. */
    private final class Assembly {
        final LocalDate asOf;
        final boolean optimistic;
        final Map<String, List<RecordRef>> sources = new LinkedHashMap<>();
        final List<EvidenceIssue> issues = new ArrayList<>();

        Assembly(LocalDate asOf, boolean optimistic) {
            this.asOf = asOf;
            this.optimistic = optimistic;
        }

        /** Every record of a kind that gives a value, cited (for facts that never go stale). */
        <R extends GovernmentRecord, V> List<R> cited(String section, List<GovernmentRecord> records, Class<R> kind,
                                                      Function<R, V> value) {
            List<R> giving = records.stream().filter(kind::isInstance).map(kind::cast)
                    .filter(r -> value.apply(r) != null).toList();
            giving.forEach(r -> cite(section, r));
            return giving;
        }

        boolean isStale(GovernmentRecord record) {
            Integer days = maxAgeDays.get(record.source());
            return days != null && ChronoUnit.DAYS.between(record.retrievedOn(), asOf) > days;
        }

        <R extends GovernmentRecord> List<R> usable(List<GovernmentRecord> records, Class<R> kind) {
            return records.stream().filter(kind::isInstance).map(kind::cast).filter(r -> !isStale(r)).toList();
        }

        void cite(String section, GovernmentRecord record) {
            List<RecordRef> cited = sources.computeIfAbsent(section, k -> new ArrayList<>());
            RecordRef ref = RecordRef.of(record);
            if (!cited.contains(ref)) {
                cited.add(ref);
            }
        }

        /**
         * A current-state field from records of one kind: the usable records must agree; if only stale records
         * give it, it is unknown and STALE.
         */
        <R extends GovernmentRecord, V> V single(String field, String section, List<GovernmentRecord> records,
                                                Class<R> kind, Function<R, V> value) {
            List<R> usable = usable(records, kind);
            V found = agreed(field, usable, value);
            usable.stream().filter(r -> value.apply(r) != null).forEach(r -> cite(section, r));
            if (usable.stream().allMatch(r -> value.apply(r) == null)) {
                List<R> stale = records.stream().filter(kind::isInstance).map(kind::cast)
                        .filter(r -> isStale(r) && value.apply(r) != null).toList();
                if (!stale.isEmpty()) {
                    stale(field, stale);
                    if (optimistic) {
                        stale.forEach(r -> cite(section, r));
                        return agreed(field, stale, value);
                    }
                }
            }
            return found;
        }

        /** The value the records give a field, or null (with a CONFLICT issue) when they disagree. */
        <R extends GovernmentRecord, V> V agreed(String field, List<R> records, Function<R, V> value) {
            Map<V, List<R>> byValue = new LinkedHashMap<>();
            for (R r : records) {
                V v = value.apply(r);
                if (v != null) {
                    byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                }
            }
            if (byValue.size() > 1 && optimistic) {
                // the widening reading of a conflict: true for a flag, a recognised enclave, any special zone
                for (V v : byValue.keySet()) {
                    if (Boolean.TRUE.equals(v) || (v instanceof PersonDto.EnclaveDto e && Boolean.TRUE.equals(e.recognised()))) {
                        return v;
                    }
                }
            }
            if (byValue.size() > 1) {
                List<String> refs = new ArrayList<>();
                StringBuilder detail = new StringBuilder("the records disagree:");
                byValue.forEach((v, rs) -> rs.forEach(r -> {
                    refs.add(RecordRef.of(r).toString());
                    detail.append(' ').append(RecordRef.of(r)).append(" says ").append(v).append(';');
                }));
                issues.add(new EvidenceIssue(field, EvidenceIssue.Kind.CONFLICT, refs,
                        detail.substring(0, detail.length() - 1)));
                return null;
            }
            return byValue.isEmpty() ? null : byValue.keySet().iterator().next();
        }

        void stale(String field, List<? extends GovernmentRecord> records) {
            GovernmentRecord newest = records.stream().max(Comparator.comparing(GovernmentRecord::retrievedOn)).orElseThrow();
            issues.add(new EvidenceIssue(field, EvidenceIssue.Kind.STALE,
                    records.stream().map(r -> RecordRef.of(r).toString()).toList(),
                    newest.source() + " records are used for at most " + maxAgeDays.get(newest.source())
                            + " days; the newest was retrieved on " + newest.retrievedOn() + ", "
                            + ChronoUnit.DAYS.between(newest.retrievedOn(), asOf) + " days before " + asOf));
        }
    }
}
