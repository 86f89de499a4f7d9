package cn.talentpolicy.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker page in a real browser, as three people use it - one eligible, one ineligible with reasons, one
 * who leaves facts out - and one who types what the service refuses. Every check is on what the page shows.
 * All of them are judged on 2026-11-28 (the page's asOf parameter), so the answers do not move with the clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckerPageTests extends BrowserTestBase {

    static final String AS_OF = "?asOf=2026-11-28";

    CheckerPage page;

    @BeforeEach
    void openPage() {
        page = new CheckerPage(browser.driver, port).open(AS_OF);
    }

    /** A master's graduate of 2023 working, insured and registered in Jinan, owning no home. */
    void fillJinanMaster() {
        page.type("f-birthDate", "1998-05-01")
                .choose("f-nationality", "MAINLAND")
                .type("f-hukouRegion", "370102")
                .degree(0, "MASTER", true, "2023-06-30")
                .type("f-employerRegion", "370102")
                .choose("f-employerType", "ENTERPRISE")
                .type("f-startDate", "2023-07-01")
                .type("f-insuranceRegion", "370102")
                .choose("f-ownsHome", "no")
                .choose("f-boughtSubsidised", "false");
    }

    @Test
    void anEligibleMasterSeesTheAmountAndEveryCriterionWithItsMarkMessageAndSource() {
        fillJinanMaster();
        page.submit();

        assertThat(page.answerState()).isEqualTo("done");
        assertThat(page.activeElementId()).as("focus moves to the results").isEqualTo("results-heading");
        CheckerPage.DecisionCard living = page.decision("jinan_living_subsidy");
        assertThat(living.outcome()).isEqualTo("ELIGIBLE");
        assertThat(living.badge()).contains("符合条件");
        assertThat(living.text()).contains("认定人才类别：E 类");
        assertThat(living.benefits()).containsExactly("1,000 元/月 × 36 个月 = 36,000 元");
        assertThat(living.requirements()).as("nothing to change for an eligible policy").isEmpty();

        List<CheckerPage.Criterion> criteria = living.criteria();
        assertThat(criteria).as("the explanation of an eligible policy is open").hasSize(8)
                .allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo("PASS");
                    assertThat(c.mark()).isEqualTo("✓ 符合");
                    assertThat(c.message()).isNotBlank().doesNotContain("{$");
                    assertThat(c.source()).isNotBlank();
                });
        assertThat(living.criterion("TIER_E_GRADUATION_WINDOW").message())
                .isEqualTo("毕业于 2023-06-30，截至 2026-11-28 未超过 5 年");
        assertThat(living.criterion("TIER_E_GRADUATION_WINDOW").source()).contains("within 5 years of graduation");
        assertThat(page.decision("jinan_talent_tier").outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.decisionOrder()).as("eligible first").startsWith("jinan_living_subsidy", "jinan_talent_tier");
        assertThat(page.byId("results-status").getText()).startsWith("共 9 项政策：2 项符合条件");
        assertThat(page.byId("results-footer").getText()).contains("2026-11-28").contains("sha256:");

        browser.screenshot("eligible-master");
        browser.screenshot("checker", 1450);
    }

    @Test
    void anIneligibleBachelorSeesWhatWouldChangeTheAnswerDerivedFromTheRules() {
        page.type("f-birthDate", "1994-03-01")
                .type("f-hukouRegion", "370102")
                .degree(0, "BACHELOR", true, "2016-06-30")
                .type("f-employerRegion", "370102")
                .choose("f-employerType", "ENTERPRISE")
                .type("f-startDate", "2016-07-01")
                .type("f-insuranceRegion", "370202")
                .choose("f-ownsHome", "no")
                .submit();

        CheckerPage.DecisionCard rent = page.decision("jinan_rent_subsidy");
        assertThat(rent.outcome()).isEqualTo("INELIGIBLE");
        assertThat(rent.badge()).contains("不符合条件");
        assertThat(rent.benefits()).isEmpty();
        assertThat(rent.requirements()).containsExactly("2021-11-28（含）以后毕业", "需在济南市（370100）缴纳社保");
        assertThat(rent.text()).as("the requirement cites the rule's clause and the parameter it comes from")
                .contains("规则原文：需毕业未满 5 年")
                .contains("参数 jinan_rent_subsidy.graduation_window_years = 5");

        rent.expandExplanation();
        assertThat(rent.criterion("GRADUATION_WINDOW")).satisfies(c -> {
            assertThat(c.mark()).isEqualTo("✗ 不符合");
            assertThat(c.message()).isEqualTo("毕业于 2016-06-30，截至 2026-11-28 已超过 5 年");
        });
        assertThat(rent.criterion("INSURED_IN_JINAN").message()).isEqualTo("需在济南市（370100）缴纳社保；缴纳地为 370202");
        assertThat(rent.criterion("EMPLOYED_IN_JINAN").mark()).isEqualTo("✓ 符合");
        browser.screenshot("ineligible-bachelor");
        browser.screenshot("checker-changes", 1750);

        page.byId("lang-toggle").click();
        rent = page.decision("jinan_rent_subsidy");
        assertThat(rent.badge()).contains("Not eligible");
        assertThat(rent.requirements())
                .containsExactly("graduated on or after 2021-11-28", "needs social insurance paid in Jinan (370100)");
        assertThat(rent.text()).contains("as the rule states it: needs graduation within 5 years");
        assertThat(page.decision("qingdao_graduate_housing_subsidy").requirements())
                .as("Qingdao's window is 3 years").contains("graduated on or after 2023-11-28");
        assertThat(page.decision("jinan_talent_tier").text()).contains("Any one of these would do:");
        assertThat(page.byId("results-status").getText()).isEqualTo("9 policies: 0 eligible, 0 need more information, 9 not eligible.");
        browser.screenshot("ineligible-bachelor-en");
    }

    @Test
    void someoneWhoLeavesFactsOutIsToldWhichAreNeededNextToTheirInputs() {
        page.type("f-birthDate", "1999-03-03")
                .type("f-employerRegion", "370102")
                .choose("f-employerType", "ENTERPRISE")
                .submit();

        CheckerPage.DecisionCard living = page.decision("jinan_living_subsidy");
        assertThat(living.outcome()).isEqualTo("NEEDS_INFO");
        assertThat(living.badge()).contains("需补充信息");
        assertThat(living.requirements()).contains("需在济南市（370100）缴纳社保", "E 类需具有全日制博士或硕士学位");
        assertThat(living.missingLinks()).extracting(WebElement::getText).containsExactly("学历层次", "社保缴纳地");
        living.expandExplanation();
        assertThat(living.criterion("INSURED_IN_JINAN").mark()).isEqualTo("? 未知");

        WebElement insuranceNote = page.byId("f-insuranceRegion-needed");
        assertThat(insuranceNote.getText()).contains("济南市人才生活补贴").contains("济南市租房补贴");
        assertThat(page.byId("f-insuranceRegion").getAttribute("aria-describedby")).contains("f-insuranceRegion-needed");
        assertThat(page.byId("f-ownsHome-needed").getText()).contains("济南市租房补贴");

        living.missingLinks().get(1).click();
        assertThat(page.activeElementId()).as("the link goes to the input").isEqualTo("f-insuranceRegion");
        browser.screenshot("needs-info");

        page.type("f-insuranceRegion", "370102").degree(0, "MASTER", true, "2023-06-30").submit();
        assertThat(page.decision("jinan_living_subsidy").outcome()).isEqualTo("ELIGIBLE");
        assertThat(browser.driver.findElements(By.id("f-insuranceRegion-needed"))).as("answered, so no longer marked").isEmpty();
    }

    @Test
    void badInputIsShownNextToTheFieldTheServiceNames() {
        fillJinanMaster();
        page.degree(0, "MASTER", true, "2023-02-30").submit();

        assertThat(page.answerState()).isEqualTo("error");
        WebElement date = page.degreeInput(0, "graduationDate");
        assertThat(date.getAttribute("aria-invalid")).isEqualTo("true");
        WebElement error = page.byId(date.getAttribute("id") + "-error");
        assertThat(error.getText()).contains("is not a real date").doesNotContain("2023-02-30");
        assertThat(date.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(page.activeElementId()).as("focus moves to the error summary").isEqualTo("error-summary");
        assertThat(page.byId("error-list").getText()).startsWith("毕业日期");
        assertThat(browser.driver.findElements(By.cssSelector("article.decision"))).isEmpty();
        browser.screenshot("bad-input");

        page.degree(0, "MASTER", true, "2023-06-30").type("f-hukouRegion", "3701").type("f-birthDate", "2027-01-01").submit();
        assertThat(date.getAttribute("aria-invalid")).as("the fixed date is no longer marked").isNull();
        assertThat(page.byId("f-hukouRegion-error").getText()).contains("six-digit GB/T 2260 region code");
        page.byId("error-list").findElement(By.tagName("a")).click();
        assertThat(page.activeElementId()).isEqualTo("f-hukouRegion");

        page.type("f-hukouRegion", "370102").submit();
        assertThat(page.byId("f-birthDate-error").getText()).as("checked by the service against the as-of date")
                .isNotBlank();
        page.type("f-birthDate", "1998-05-01").submit();
        assertThat(page.answerState()).isEqualTo("done");
        assertThat(browser.driver.findElements(By.cssSelector(".error-message"))).isEmpty();
    }

    @Test
    void inputsAppearOnlyWhenTheyAreRelevantAndTheRequestLeavesUnknownsOut() {
        assertThat(page.byId("purchase").isDisplayed()).isFalse();
        assertThat(page.byId("postdoc").isDisplayed()).isFalse();
        assertThat(page.byId("special-zone").isDisplayed()).isFalse();
        assertThat(page.byId("dual-registration").isDisplayed()).isFalse();
        assertThat(page.degreeInput(0, "graduationDate").isDisplayed()).as("asked once a level is chosen").isFalse();

        page.degree(0, "MASTER", null, null);
        assertThat(page.degreeInput(0, "graduationDate").isDisplayed()).isTrue();
        assertThat(page.degreeInput(0, "cscseCertified").isDisplayed()).isFalse();
        page.degreeInput(0, "overseas").click();
        assertThat(page.degreeInput(0, "cscseCertified").isDisplayed()).as("overseas -> the CSCSE question").isTrue();
        page.tick("f-bought");
        assertThat(page.byId("purchase").isDisplayed()).isTrue();
        page.type("f-employerRegion", "370212");
        assertThat(page.byId("special-zone").isDisplayed()).as("the zones are Qingdao's").isTrue();
        page.choose("f-employerType", "PUBLIC_INSTITUTION");
        assertThat(page.byId("dual-registration").isDisplayed()).isTrue();
        page.choose("f-ownsHome", "no");

        JsonNode request = page.request();
        assertThat(request.get("asOf").asText()).isEqualTo("2026-11-28");
        JsonNode person = request.get("person");
        assertThat(person.get("degrees").get(0).get("level").asText()).isEqualTo("MASTER");
        assertThat(person.get("degrees").get(0).get("overseas").asBoolean()).isTrue();
        assertThat(person.get("degrees").get(0).has("fullTime")).as("not sure is left out").isFalse();
        assertThat(person.get("degrees").get(0).has("cscseCertified")).isFalse();
        assertThat(person.has("birthDate")).isFalse();
        assertThat(person.get("housing").get("homesOwnedRegions")).as("no home is known to be none").isEmpty();
        assertThat(person.get("housing").get("purchase").isObject()).as("a purchase with unknown details").isTrue();
        assertThat(person.get("housing").get("purchase").size()).isZero();
        assertThat(person.has("postdoc")).isFalse();

        page.choose("f-ownsHome", "");
        page.degree(0, "NONE", null, null);
        person = page.request().get("person");
        assertThat(person.get("degrees")).as("no degree is an empty list").isEmpty();
        assertThat(person.get("housing").has("homesOwnedRegions")).as("not sure is unknown").isFalse();
    }
}
