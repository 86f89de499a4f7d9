package cn.talentpolicy.facts;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

    @Test
    void aPersonTurnsNOnTheirBirthday() {
        LocalDate born = LocalDate.of(1990, 6, 15);
        assertThat(Dates.ageOn(born, LocalDate.of(2025, 6, 14))).isEqualTo(34);
        assertThat(Dates.ageOn(born, LocalDate.of(2025, 6, 15))).isEqualTo(35);
    }

    @Test
    void aLeapDayBirthdayFallsOnTheFirstOfMarchInCommonYears() {
        LocalDate born = LocalDate.of(1992, 2, 29);
        assertThat(Dates.ageOn(born, LocalDate.of(2027, 2, 28))).isEqualTo(34);
        assertThat(Dates.ageOn(born, LocalDate.of(2027, 3, 1))).isEqualTo(35);
        assertThat(Dates.ageOn(born, LocalDate.of(2028, 2, 29))).isEqualTo(36);
    }

    @Test
    void theLastDayOfAWindowIsInside() {
        LocalDate graduated = LocalDate.of(2021, 6, 30);
        assertThat(Dates.withinYears(graduated, 5, LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(Dates.withinYears(graduated, 5, LocalDate.of(2026, 7, 1))).isFalse();
    }

    @Test
    void aWindowFromALeapDayEndsOnTheFirstOfMarch() {
        LocalDate graduated = LocalDate.of(2020, 2, 29);
        assertThat(Dates.anniversary(graduated, 5)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Dates.withinYears(graduated, 5, LocalDate.of(2025, 3, 1))).isTrue();
        assertThat(Dates.withinYears(graduated, 5, LocalDate.of(2025, 3, 2))).isFalse();
        assertThat(Dates.anniversary(graduated, 4)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void fullYearsCountOnlyCompletedAnniversaries() {
        LocalDate entered = LocalDate.of(2021, 9, 1);
        assertThat(Dates.fullYearsBetween(entered, LocalDate.of(2024, 8, 31))).isEqualTo(2);
        assertThat(Dates.fullYearsBetween(entered, LocalDate.of(2024, 9, 1))).isEqualTo(3);
        assertThat(Dates.fullYearsBetween(entered, LocalDate.of(2021, 1, 1))).isZero();
    }
}
