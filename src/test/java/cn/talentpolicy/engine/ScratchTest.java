package cn.talentpolicy.engine;

import cn.talentpolicy.facts.*;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

class ScratchTest {
    @Test
    void smoke() {
        long t0 = System.currentTimeMillis();
        Ruleset rs = RulesetLoader.load(Path.of(System.getProperty("rulesDir","rules")));
        System.out.println("loaded in " + (System.currentTimeMillis() - t0) + " ms " + rs.version());
        String id = "p1";
        PersonFacts p = new PersonFacts(new Person(id, LocalDate.of(1995, 3, 1), Nationality.MAINLAND, "370102"),
                new Education(id, List.of(new Degree(DegreeLevel.MASTER, true, LocalDate.of(2023, 6, 30), false, null, false, false))),
                new Qualifications(id, null, null, Set.of()),
                new Employment(id, "370102", EmployerType.ENTERPRISE, false, LocalDate.of(2023, 7, 1), 3, null, null, false),
                new SocialInsurance(id, "370102"), new Housing(id, List.of(), false), null, null, List.of());
        var ev = rs.evaluate(List.of(p), LocalDate.of(2026, 11, 28), x -> true, true);
        System.out.println(ev);
    }
}
