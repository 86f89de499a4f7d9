package cn.talentpolicy.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The highest degree that counts (full-time, or CSCSE-certified when overseas); it sets rates and its
 * graduation date starts the windows.
 * <p>{@code known} is false when the degrees are not given, or when a degree above the best one that counts
 * has an unknown full-time or CSCSE flag: the highest degree then cannot be told. {@code level} is null when
 * known and no degree counts. Two degrees of the same highest level: the later graduation is used
 * (<i>choice</i>: the reading that favours the person; the catalogue is silent). A degree that graduates after
 * the as-of date is not held yet (<i>choice</i>: an evaluation judges what had happened by its date); a degree the
 * request lists without a graduation date is held (<i>choice</i>: the request says the person holds it; when it
 * graduated is unknown, but not after the as-of date). An omitted full-time or CSCSE flag is read both ways by
 * the engine before this is derived (engine/Readings), so here it stays in doubt only beyond four such flags. {@code provenLevel} is the
 * best level known to count, even when a higher degree is in doubt (it proves a tier that needs "at least").
 */
public record HighestDegree(String personId, boolean known, DegreeLevel level, LocalDate graduationDate,
                            boolean overseas, boolean doubleFirstClass, boolean shortageMajor,
                            DegreeLevel provenLevel, List<String> missingFacts) implements DerivedFact, HasMissingFacts {

    /** The highest degree held on {@code asOf}: a degree graduating later is not held yet. */
    public static HighestDegree of(Education education, LocalDate asOf) {
        String id = education.personId();
        if (education.degrees() == null) {
            return new HighestDegree(id, false, null, null, false, false, false, null, List.of("degrees"));
        }
        List<Degree> held = education.degrees().stream()
                .filter(d -> d.graduationDate() == null || !d.graduationDate().isAfter(asOf)).toList();
        Degree best = held.stream()
                .filter(d -> Boolean.TRUE.equals(d.counts()) && d.level() != null)
                .max(Comparator.comparing((Degree d) -> d.level().rank())
                        .thenComparing(d -> d.graduationDate(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        int bestRank = best == null ? 0 : best.level().rank();
        // a degree in doubt matters when it could be the highest: above the best, or at its level but later
        // (the later graduation is used, so it could open a window the best one does not)
        List<Degree> doubtful = held.stream()
                .filter(d -> d.counts() == null && (d.level() == null || d.level().rank() > bestRank
                        || (best != null && d.level() == best.level() && (d.graduationDate() == null
                        || best.graduationDate() == null || d.graduationDate().isAfter(best.graduationDate())))))
                .toList();
        if (!doubtful.isEmpty()) {
            // an overseas degree is settled by its CSCSE certification, a domestic one by being full-time
            List<String> missing = doubtful.stream()
                    .map(d -> d.overseas() ? "degrees.cscseCertified" : "degrees.fullTime").distinct().sorted().toList();
            return new HighestDegree(id, false, null, null, false, false, false, best == null ? null : best.level(),
                    missing);
        }
        if (best == null) {
            return new HighestDegree(id, true, null, null, false, false, false, null, List.of());
        }
        return new HighestDegree(id, true, best.level(), best.graduationDate(), best.overseas(),
                best.doubleFirstClass(), best.shortageMajor(), best.level(), List.of());
    }

    public boolean isLevel(DegreeLevel wanted) {
        return known && level == wanted;
    }

    public boolean isAtLeast(DegreeLevel wanted) {
        return known && level != null && level.isAtLeast(wanted);
    }

    /** True when a degree of at least that level is known to count, even if a higher one is in doubt. */
    public boolean provenAtLeast(DegreeLevel wanted) {
        return provenLevel != null && provenLevel.isAtLeast(wanted);
    }
}
