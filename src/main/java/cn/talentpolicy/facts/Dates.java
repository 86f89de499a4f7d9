package cn.talentpolicy.facts;

import java.time.LocalDate;
import java.time.Month;

/**
 * The catalogue's date conventions, in one place.
 * <ul>
 *   <li>A person turns N on their birthday; a 29 February birthday falls on 1 March in common years.</li>
 *   <li>"Within N years of a date" is inclusive of the anniversary, and an anniversary that would be
 *       29 February in a common year is 1 March.</li>
 * </ul>
 * ({@link LocalDate#plusYears} would give 28 February, which is why this class exists.)
 */
public final class Dates {

    private Dates() {
    }

    /** The date N years after {@code date}, with 29 February moving to 1 March in a common year. */
    public static LocalDate anniversary(LocalDate date, int years) {
        LocalDate shifted = date.plusYears(years);
        if (date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29 && shifted.getDayOfMonth() == 28) {
            return shifted.plusDays(1);
        }
        return shifted;
    }

    /** Age in whole years on {@code on}: the person turns N on the anniversary of their birth. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        int years = on.getYear() - birthDate.getYear();
        if (years > 0 && on.isBefore(anniversary(birthDate, years))) {
            years--;
        }
        return years;
    }

    /** True when {@code on} is no later than {@code start} plus {@code years} years (the last day counts). */
    public static boolean withinYears(LocalDate start, int years, LocalDate on) {
        return !on.isAfter(anniversary(start, years));
    }

    /** Full years from {@code start} to {@code end}: the number of anniversaries reached, never negative. */
    public static int fullYearsBetween(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return 0;
        }
        return ageOn(start, end);
    }

    /** The earlier of two dates, ignoring a null second date. */
    public static LocalDate earlier(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
