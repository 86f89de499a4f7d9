package cn.talentpolicy.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The checker works for people who use a keyboard or a screen reader: every input has a label, sections are
 * fieldsets with legends, the form can be filled and submitted with the keyboard alone, the answer is
 * announced and focused, and text has a contrast of at least 4.5:1 (3:1 for large text).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckerAccessibilityTests extends BrowserTestBase {

    /** Opens every section that is shown on request and adds every kind of row, so all inputs exist. */
    static void showEverything(CheckerPage page) {
        page.degree(0, "MASTER", null, null);
        page.degreeInput(0, "overseas").click();
        page.byId("add-degree").click();
        page.byId("more").findElement(By.tagName("summary")).click();
        page.tick("f-enclave").tick("f-bought").tick("f-postdoc");
        page.choose("f-ownsHome", "yes").choose("f-employerType", "GOVERNMENT").type("f-employerRegion", "370212");
        page.byId("add-home").click();
        page.byId("add-ledger").click();
    }

    @Test
    void everyInputHasALabelAndEverySectionALegend() {
        CheckerPage page = new CheckerPage(browser.driver, port).open("?asOf=2026-11-28");
        showEverything(page);
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) page.js("""
                return [...document.querySelectorAll('input, select, textarea')]
                  .filter(el => el.type !== 'hidden' && !el.closest('template'))
                  .filter(el => !el.labels || el.labels.length === 0 || !el.labels[0].textContent.trim())
                  .map(el => el.id || el.outerHTML);
                """);
        assertThat(unlabelled).as("inputs without a label").isEmpty();
        Long inputs = (Long) page.js("return document.querySelectorAll('form input, form select').length");
        assertThat(inputs).as("the check saw the conditional inputs too").isGreaterThan(40);
        @SuppressWarnings("unchecked")
        List<String> noLegend = (List<String>) page.js("""
                return [...document.querySelectorAll('fieldset')]
                  .filter(f => !f.querySelector(':scope > legend') || !f.querySelector(':scope > legend').textContent.trim())
                  .map(f => f.id || f.className);
                """);
        assertThat(noLegend).as("fieldsets without a legend").isEmpty();
        @SuppressWarnings("unchecked")
        List<String> nameless = (List<String>) page.js("""
                return [...document.querySelectorAll('button')].filter(b => !b.textContent.trim()).map(b => b.id);
                """);
        assertThat(nameless).as("buttons without a name").isEmpty();
        assertThat(page.js("return window.talentChecker.missingKeys()")).as("texts missing in a language")
                .asList().isEmpty();
        assertThat(page.byId("results-status").getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    void theFormCanBeFilledAndSubmittedWithTheKeyboardAlone() {
        CheckerPage page = new CheckerPage(browser.driver, port).open("?asOf=2026-11-28&lang=en");
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(page.activeElementId()).isEmpty();
        assertThat((String) page.js("return document.activeElement.className")).isEqualTo("skip-link");
        keys.sendKeys(Keys.ENTER).perform();

        tabTo(page, "f-birthDate", 3);
        keys.sendKeys("1998-05-01").perform();
        tabTo(page, "f-hukouRegion", 3);
        keys.sendKeys("370102").perform();
        String level = page.degreeInput(0, "level").getAttribute("id");
        tabTo(page, level, 3);
        keys.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN).perform();
        assertThat(page.degreeInput(0, "level").getAttribute("value")).isEqualTo("MASTER");
        tabTo(page, page.degreeInput(0, "fullTime").getAttribute("id"), 2);
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        tabTo(page, page.degreeInput(0, "graduationDate").getAttribute("id"), 2);
        keys.sendKeys("2023-06-30").perform();
        tabTo(page, "f-employerRegion", 8);
        keys.sendKeys("370102").perform();
        tabTo(page, "f-employerType", 2);
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        tabTo(page, "f-insuranceRegion", 3);
        keys.sendKeys("370102").perform();
        tabTo(page, "f-ownsHome", 4);
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        tabTo(page, "f-bought", 3);
        keys.sendKeys(Keys.SPACE).perform();
        assertThat(page.byId("purchase").isDisplayed()).as("a checkbox ticked with the space bar").isTrue();
        keys.sendKeys(Keys.SPACE).perform();
        tabTo(page, "submit", 4);
        keys.sendKeys(Keys.ENTER).perform();
        page.awaitAnswer();

        assertThat(page.activeElementId()).as("focus moves to the results").isEqualTo("results-heading");
        assertThat(page.decision("jinan_living_subsidy").outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.byId("results-status").getText()).startsWith("9 policies: 2 eligible");
        keys.sendKeys(Keys.TAB).perform();
        assertThat((String) page.js("return document.activeElement.closest('#results') ? document.activeElement.tagName : ''"))
                .as("the next stop is inside the results").isEqualTo("SUMMARY");
        assertThat((String) page.js("return getComputedStyle(document.activeElement).outlineStyle"))
                .as("focus is visible").isEqualTo("solid");
    }

    /** Presses Tab until the element with the id has focus, at most {@code most} times. */
    static void tabTo(CheckerPage page, String id, int most) {
        for (int i = 0; i < most; i++) {
            new Actions(page.driver).sendKeys(Keys.TAB).perform();
            if (id.equals(page.activeElementId())) {
                return;
            }
        }
        fail("%s was not reached in %d presses of Tab; focus is on %s", id, most, page.activeElementId());
    }

    /** Every visible text's contrast against the background behind it (WCAG 2 relative luminance). */
    static final String CONTRAST = """
            const parse = c => { const m = c.match(/[\\d.]+/g).map(Number); return { rgb: m.slice(0, 3), a: m.length > 3 ? m[3] : 1 }; };
            const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
            const background = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
              if (c.a > 0.5) return c.rgb; } return [255, 255, 255]; };
            const problems = [];
            let checked = 0;
            for (const el of document.querySelectorAll('body *')) {
              if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
              const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own) continue;
              const style = getComputedStyle(el);
              const rect = el.getBoundingClientRect();
              if (rect.width === 0 || rect.height === 0 || rect.bottom < 0) continue;
              const fg = lum(parse(style.color).rgb), bg = lum(background(el));
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              checked++;
              if (ratio < needed) problems.push(`${ratio.toFixed(2)} < ${needed}: ${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 40)}"`);
            }
            return { checked, problems };
            """;

    @Test
    void textHasEnoughContrastInEveryStateOfThePage() {
        CheckerPage page = new CheckerPage(browser.driver, port).open("?asOf=2026-11-28");
        showEverything(page);
        page.type("f-hukouRegion", "3701").submit();
        assertContrast(page, "a problem shown");

        page = new CheckerPage(browser.driver, port).open("?asOf=2026-11-28");
        page.type("f-birthDate", "1998-05-01").degree(0, "MASTER", true, "2023-06-30")
                .type("f-employerRegion", "370102").choose("f-employerType", "ENTERPRISE").submit();
        assertThat(page.decision("jinan_talent_tier").outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.decision("jinan_living_subsidy").outcome()).isEqualTo("NEEDS_INFO");
        assertThat(page.decision("jinan_rent_subsidy").outcome()).isEqualTo("INELIGIBLE");
        browser.driver.findElements(By.cssSelector("details.explanation:not([open]) > summary")).forEach(s -> s.click());
        assertContrast(page, "every outcome and every mark shown");
    }

    static void assertContrast(CheckerPage page, String state) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> result = (java.util.Map<String, Object>) page.js(CONTRAST);
        assertThat((Long) result.get("checked")).as("texts checked").isGreaterThan(50);
        assertThat((List<?>) result.get("problems")).as("texts with too little contrast, " + state).isEmpty();
    }
}
