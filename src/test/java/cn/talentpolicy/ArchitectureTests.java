package cn.talentpolicy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Data flows one way: facts and decisions at the bottom, the engine above them, use cases above it, the API on top. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.talentpolicy");
    }

    @Test
    void onlyTheEngineTouchesDrools() {
        noClasses().that().resideOutsideOfPackage("cn.talentpolicy.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .because("Drools stays inside the engine; facts are plain Java and controllers never see a session")
                .check(classes);
    }

    @Test
    void factsDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("cn.talentpolicy.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.decisions..",
                        "cn.talentpolicy.engine..", "cn.talentpolicy.evaluation..", "cn.talentpolicy.policies..",
                        "cn.talentpolicy.api..", "cn.talentpolicy.system..", "org.springframework..")
                .check(classes);
    }

    @Test
    void decisionsDependOnlyOnFacts() {
        noClasses().that().resideInAPackage("cn.talentpolicy.decisions..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.engine..",
                        "cn.talentpolicy.evaluation..", "cn.talentpolicy.policies..", "cn.talentpolicy.api..",
                        "cn.talentpolicy.system..", "org.springframework..")
                .check(classes);
    }

    @Test
    void theEngineKnowsNoUseCaseAndNoSpring() {
        noClasses().that().resideInAPackage("cn.talentpolicy.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.evaluation..",
                        "cn.talentpolicy.policies..", "cn.talentpolicy.api..", "cn.talentpolicy.system..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void useCasesDoNotReachUpIntoTheApiOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("cn.talentpolicy.evaluation..", "cn.talentpolicy.policies..",
                        "cn.talentpolicy.rulesets..", "cn.talentpolicy.input..", "cn.talentpolicy.register..",
                        "cn.talentpolicy.sweeps..", "cn.talentpolicy.certification..", "cn.talentpolicy.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.api..", "cn.talentpolicy.cli..")
                .check(classes);
    }

    @Test
    void theRegisterKnowsNoCallerOnlyWhoMadeADecision() {
        noClasses().that().resideInAPackage("cn.talentpolicy.register..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.security..",
                        "cn.talentpolicy.sweeps..", "cn.talentpolicy.certification..")
                .because("the register records decisions for whichever use case makes them; callers reach it as a Maker")
                .check(classes);
    }

    @Test
    void inputsMapToFactsAndKnowNothingElseOfOurs() {
        noClasses().that().resideInAPackage("cn.talentpolicy.input..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.talentpolicy.decisions..",
                        "cn.talentpolicy.engine..", "cn.talentpolicy.evaluation..", "cn.talentpolicy.rulesets..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.talentpolicy.(*)..").should().beFreeOfCycles().check(classes);
    }
}
