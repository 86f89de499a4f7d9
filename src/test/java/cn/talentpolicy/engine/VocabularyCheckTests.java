package cn.talentpolicy.engine;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule vocabulary lets through what policy writers write (the bundled rules pass it unchanged: every test
 * that loads them) and refuses the DRL forms that would run code outside it, each with its line.
 */
class VocabularyCheckTests {

    static final String HEAD = """
            package rules.common;
            import cn.talentpolicy.facts.*;
            import cn.talentpolicy.engine.Verdicts;
            import java.math.BigDecimal;
            import java.math.RoundingMode;
            import java.time.LocalDate;
            import java.util.List;
            import java.util.Map;
            global cn.talentpolicy.engine.Parameters params;
            """;

    @Test
    void everyPublicFactAndDecisionClassIsInTheVocabulary() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(RuleVocabulary.PROJECT_PACKAGES).stream()
                .filter(c -> c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                .filter(JavaClass::isTopLevelClass).map(JavaClass::getName).toList();
        assertThat(classes).isNotEmpty();
        assertThat(RuleVocabulary.PROJECT.stream().map(Class::getName).toList()).containsExactlyInAnyOrderElementsOf(classes);
    }

    @Test
    void whatPolicyWritersWriteIsLetThrough() {
        assertThat(VocabularyCheck.check("common/ok.drl", HEAD + """
                function int halfYears(BigDecimal amount, Number perYear) {
                    if (perYear.intValue() == 0) {
                        return 0;
                    }
                    return amount.divide(new BigDecimal(perYear.toString()), 0, RoundingMode.CEILING).intValue() * 2;
                }

                rule "everything a rule may say"
                    @policy(common) @reasonCode(OK) @source("a test") salience -1 no-loop
                when
                    AsOf( $asOf : date, date.isAfter(LocalDate.of(2021, 1, 1)) )
                    $p : Person( $pid : personId, $birth : birthDate != null )
                    $total : Number( doubleValue >= 0 ) from accumulate(
                        LedgerEntry( personId == $pid, $a : amountPaid ), sum( $a ) )
                    $all : List( size >= 0 ) from collect( LedgerEntry( personId == $pid ) )
                    not Age( personId == $pid, years > Math.max(60, Integer.MAX_VALUE - 1) )
                    eval( $birth.plusYears(18).isBefore($asOf) || List.of(1, 2).contains(3) )
                then
                    int years = Dates.ageOn($birth, $asOf);
                    Map<String, Integer> seen = Map.of("years", years);
                    String label = years > 30 ? "older" : String.valueOf(halfYears(BigDecimal.TEN, (Integer) 2));
                    insert( new Age( $pid, Math.min(years, seen.get("years")) ) );
                end
                """)).isEmpty();
    }

    @Test
    void formsThatRunCodeOutsideTheVocabularyAreRefusedAtTheirLines() {
        String drl = HEAD + """
                import java.util.*;
                declare Secret
                    path : String
                end
                rule "a"
                    @policy(common) @reasonCode(A) @source("a test") dialect "mvel" enabled ( true )
                when
                    Person( $pid : personId )
                    $x : Object() from accumulate( Person(), init( int n = 0; ), action( n++; ), result( n ) )
                then
                    insert( new Age( $pid, 1 ) );
                end
                """;
        int base = (int) HEAD.lines().count();
        assertThat(VocabularyCheck.check("common/bad.drl", drl)).extracting(RulesetProblem::line, RulesetProblem::message)
                .anySatisfy(p -> assertThat(p.toList()).containsExactly(base + 1,
                        "import java.util.*: only the project's facts and decisions and java.math are imported whole;"
                                + " import the classes a rule uses one by one" + VocabularyCheck.SEE))
                .anySatisfy(p -> assertThat(p.toList().get(1).toString()).contains("declare Secret"))
                .anySatisfy(p -> assertThat(p.toList().get(1).toString()).contains("dialect"))
                .anySatisfy(p -> assertThat(p.toList().get(1).toString()).contains("accumulate with init/action/result code"));
    }

    @Test
    void anAttributeThatIsAnExpressionIsRefused() {
        String drl = HEAD + """
                rule "a"
                    @policy(common) @reasonCode(A) @source("a test") enabled ( true )
                when
                    Person( $pid : personId )
                then
                    insert( new Age( $pid, 1 ) );
                end
                """;
        assertThat(VocabularyCheck.check("common/bad.drl", drl)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the rule attribute enabled is not in the rule vocabulary"));
    }

    @Test
    void takingBackOrChangingAFactIsRefused() {
        String drl = HEAD + """
                rule "a"
                    @policy(common) @reasonCode(A) @source("a test")
                when
                    $p : Person( $pid : personId )
                then
                    delete( $p );
                end
                """;
        assertThat(VocabularyCheck.check("common/bad.drl", drl)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo((int) HEAD.lines().count() + 6);
            assertThat(p.message()).contains("delete(...) is not allowed: rules only insert facts");
        });
    }

    /** The ways round the vocabulary a review found, each refused at its line. */
    @Test
    void theSessionCannotBeBoundNorAClassHiddenNorAParameterChanged() {
        int base = (int) HEAD.lines().count();
        String drl = HEAD + """
                rule "a"
                    @policy(common) @reasonCode(A) @source("a test")
                when
                    Person( $pid : personId )
                    not ( Age( _workingMemory_ : personId == $pid ) )
                then
                    String ProcessHandle = "hides the class";
                    params.definitions().get("x").values().put(LocalDate.of(2020, 1, 1), BigDecimal.ONE);
                    insert( new Age( $pid, 1 ) );
                end
                """;
        assertThat(VocabularyCheck.check("common/bad.drl", drl)).extracting(RulesetProblem::line, RulesetProblem::message)
                // a binding inside not ( ... ) is reported at its rule's line
                .anySatisfy(p -> assertThat(p.toList()).containsExactly(base + 1,
                        "_workingMemory_ is a name Drools uses for the session: give the variable another name"))
                .anySatisfy(p -> assertThat(p.toList()).containsExactly(base + 7, "ProcessHandle: a variable's name"
                        + " starts with a lower-case letter or $ (a capital is a class's)"))
                .anySatisfy(p -> {
                    assertThat(p.toList().get(0)).isEqualTo(base + 8);
                    assertThat(p.toList().get(1).toString()).contains("is not a member a rule may use");
                });
    }

    @Test
    void aFunctionMayNotTakeANameDroolsTurnsIntoASessionCall() {
        String drl = HEAD + """
                function int insertAsync(int n) {
                    return n;
                }
                """;
        assertThat(VocabularyCheck.check("common/bad.drl", drl)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a function may not be named insertAsync"));
    }

    @Test
    void aMessageTemplateReadsOnlyWhatARuleCouldRead() {
        assertThat(Templates.property(java.time.LocalDate.of(2020, 3, 1), "year")).isEqualTo(2020);
        assertThat(Templates.property(java.time.Month.MARCH, "declaringClass")).as("reflection's way in").isNull();
        assertThat(Templates.property("text", "class")).isNull();
    }

    @Test
    void aParameterTheRulesReadCannotBeChangedThroughItsDefinition() {
        Ruleset ruleset = RulesetLoader.load(java.nio.file.Path.of("rules"));
        try {
            ParameterDefinition any = ruleset.parameters().definitions().values().iterator().next();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> any.values().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        } finally {
            ruleset.close();
        }
    }
}
