package cn.talentpolicy.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighestDegreeTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    static Degree degree(DegreeLevel level, Boolean fullTime, int year) {
        return new Degree(level, fullTime, LocalDate.of(year, 6, 30), false, null, false, false);
    }

    @Test
    void omittedDegreesAreUnknown() {
        HighestDegree highest = HighestDegree.of(new Education("p", null), AS_OF);
        assertThat(highest.known()).isFalse();
        assertThat(highest.missingFacts()).containsExactly("degrees");
    }

    @Test
    void anEmptyListIsKnownToHoldNoDegree() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of()), AS_OF);
        assertThat(highest.known()).isTrue();
        assertThat(highest.level()).isNull();
    }

    @Test
    void aPartTimeDegreeDoesNotCount() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of(
                degree(DegreeLevel.DOCTORATE, false, 2024), degree(DegreeLevel.MASTER, true, 2018))), AS_OF);
        assertThat(highest.level()).isEqualTo(DegreeLevel.MASTER);
        assertThat(highest.graduationDate()).isEqualTo(LocalDate.of(2018, 6, 30));
    }

    @Test
    void anOverseasDegreeCountsOnlyWithCscseCertification() {
        Degree certified = new Degree(DegreeLevel.MASTER, null, LocalDate.of(2022, 7, 1), true, true, false, false);
        Degree uncertified = new Degree(DegreeLevel.MASTER, true, LocalDate.of(2022, 7, 1), true, false, false, false);
        assertThat(HighestDegree.of(new Education("p", List.of(certified)), AS_OF).level()).isEqualTo(DegreeLevel.MASTER);
        assertThat(HighestDegree.of(new Education("p", List.of(uncertified)), AS_OF).level()).isNull();
    }

    @Test
    void aHigherDegreeInDoubtLeavesTheHighestUnknownButProvesTheLowerOne() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of(
                degree(DegreeLevel.DOCTORATE, null, 2024), degree(DegreeLevel.MASTER, true, 2019))), AS_OF);
        assertThat(highest.known()).isFalse();
        assertThat(highest.provenAtLeast(DegreeLevel.MASTER)).isTrue();
        assertThat(highest.missingFacts()).contains("degrees.fullTime");
    }

    @Test
    void aDegreeGraduatingAfterTheAsOfDateIsNotHeldYet() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of(
                degree(DegreeLevel.MASTER, true, 2027), degree(DegreeLevel.BACHELOR, true, 2024))), AS_OF);
        assertThat(highest.level()).isEqualTo(DegreeLevel.BACHELOR);
    }

    @Test
    void aLaterDegreeOfTheSameLevelInDoubtLeavesTheHighestUnknown() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of(
                degree(DegreeLevel.BACHELOR, true, 2019), degree(DegreeLevel.BACHELOR, null, 2024))), AS_OF);
        assertThat(highest.known()).isFalse();
        assertThat(highest.missingFacts()).containsExactly("degrees.fullTime");
    }

    @Test
    void aLowerDegreeInDoubtDoesNotMatter() {
        HighestDegree highest = HighestDegree.of(new Education("p", List.of(
                degree(DegreeLevel.BACHELOR, null, 2016), degree(DegreeLevel.MASTER, true, 2019))), AS_OF);
        assertThat(highest.known()).isTrue();
        assertThat(highest.level()).isEqualTo(DegreeLevel.MASTER);
    }
}
