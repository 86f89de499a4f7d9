package cn.talentpolicy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The checker page as a person uses it: inputs found by their ids, answers read from what the page shows. */
final class CheckerPage {

    static final ObjectMapper JSON = new ObjectMapper();

    final WebDriver driver;
    private final String base;
    private int submissions;

    CheckerPage(WebDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    /** Opens the page with a query string ("?asOf=2026-11-28") and waits until it has loaded the policies. */
    CheckerPage open(String query) {
        driver.get(base + "/" + query);
        waitUntil(d -> "true".equals(js("return document.documentElement.dataset.ready || ''")));
        submissions = 0;
        return this;
    }

    String url(String query) {
        return base + "/" + query;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50)).until(condition::apply);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    CheckerPage type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    CheckerPage choose(String id, String value) {
        new Select(byId(id)).selectByValue(value);
        return this;
    }

    CheckerPage tick(String id) {
        WebElement box = byId(id);
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** The n-th degree's input called name (level, fullTime, graduationDate, overseas, cscseCertified, ...). */
    WebElement degreeInput(int n, String name) {
        return driver.findElements(By.cssSelector("#degrees > fieldset")).get(n)
                .findElement(By.cssSelector("[data-name='" + name + "']"));
    }

    CheckerPage degree(int n, String level, Boolean fullTime, String graduated) {
        new Select(degreeInput(n, "level")).selectByValue(level);
        if (fullTime != null) {
            new Select(degreeInput(n, "fullTime")).selectByValue(fullTime.toString());
        }
        if (graduated != null) {
            degreeInput(n, "graduationDate").clear();
            degreeInput(n, "graduationDate").sendKeys(graduated);
        }
        return this;
    }

    /** Submits with the button and waits for the answer (results or problems) to be shown. */
    CheckerPage submit() {
        byId("submit").click();
        return awaitAnswer();
    }

    CheckerPage awaitAnswer() {
        int expected = ++submissions;
        waitUntil(d -> String.valueOf(expected).equals(js("return document.getElementById('results').dataset.submissions || ''"))
                && js("return document.getElementById('results').getAttribute('aria-busy')") == null);
        return this;
    }

    String answerState() {
        return (String) js("return document.getElementById('results').dataset.state");
    }

    /** The request body the form makes now, as the page would send it. */
    JsonNode request() {
        try {
            return JSON.readTree((String) js("return JSON.stringify(window.talentChecker.request())"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DecisionCard decision(String policyId) {
        return new DecisionCard(driver.findElement(By.cssSelector("article.decision[data-policy='" + policyId + "']")));
    }

    List<String> decisionOrder() {
        return driver.findElements(By.cssSelector("article.decision")).stream()
                .map(e -> e.getAttribute("data-policy")).toList();
    }

    String activeElementId() {
        return (String) js("return document.activeElement && document.activeElement.id");
    }

    /** One policy's answer as the page shows it. */
    record DecisionCard(WebElement element) {

        String outcome() {
            return element.getAttribute("data-outcome");
        }

        String badge() {
            return element.findElement(By.cssSelector(".decision-header .badge")).getText();
        }

        List<String> benefits() {
            return element.findElements(By.cssSelector(".benefit")).stream().map(WebElement::getText).toList();
        }

        String text() {
            return element.getText();
        }

        /** The requirements under "what would change the answer", as shown. */
        List<String> requirements() {
            return element.findElements(By.cssSelector(".requirement-text")).stream().map(WebElement::getText).toList();
        }

        List<WebElement> missingLinks() {
            return element.findElements(By.cssSelector(".missing a"));
        }

        DecisionCard expandExplanation() {
            WebElement details = element.findElement(By.cssSelector("details.explanation"));
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
            }
            return this;
        }

        List<Criterion> criteria() {
            return element.findElements(By.cssSelector("li.criterion")).stream().map(li -> new Criterion(
                    li.getAttribute("data-criterion"), li.getAttribute("data-status"),
                    li.findElement(By.cssSelector(".mark")).getText(),
                    li.findElement(By.cssSelector(".message")).getText(),
                    li.findElement(By.cssSelector("cite")).getText())).toList();
        }

        Criterion criterion(String id) {
            return criteria().stream().filter(c -> c.criterion().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no criterion " + id + " shown in " + text()));
        }
    }

    /** A criterion as shown: its mark (✓ 符合), message and cited source. */
    record Criterion(String criterion, String status, String mark, String message, String source) {
    }
}
