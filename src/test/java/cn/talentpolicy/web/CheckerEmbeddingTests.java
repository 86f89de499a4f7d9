package cn.talentpolicy.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bureau's portal embeds the checker with the snippets README.md documents - a script tag or an iframe - with
 * a region preset. The host pages are served from an origin of their own (another port), which the service is
 * configured to let frame the checker, as a portal would be in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckerEmbeddingTests extends BrowserTestBase {

    /** The portal: pages served from an origin of their own, the one the service lets frame the checker. */
    static final HttpServer PORTAL = portal();

    @DynamicPropertySource
    static void portalMayFrame(DynamicPropertyRegistry registry) {
        registry.add("talent.security.frame-ancestors", () -> "http://127.0.0.1:" + PORTAL.getAddress().getPort());
    }

    @AfterAll
    static void closePortal() {
        PORTAL.stop(0);
    }

    String hostPage(String name, String body) throws IOException {
        Path file = HOST_PAGES.resolve(name + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>人才服务门户</title></head>
                <body style="margin:0;font-family:sans-serif"><h1 style="padding:0 1rem">人才服务门户（示例）</h1>
                %s
                </body></html>
                """.formatted(body.replace("SERVICE", "http://localhost:" + port)));
        return "http://127.0.0.1:" + PORTAL.getAddress().getPort() + "/" + name + ".html";
    }

    static final Path HOST_PAGES = Path.of("target/embedding").toAbsolutePath();

    static HttpServer portal() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                Path page = HOST_PAGES.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                byte[] bytes = page.startsWith(HOST_PAGES) && Files.isRegularFile(page) ? Files.readAllBytes(page)
                        : new byte[0];
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(bytes.length > 0 ? 200 : 404, bytes.length > 0 ? bytes.length : -1);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theScriptTagPutsTheCheckerInAnIframeWithTheRegionPresetAndFitsItsHeight() throws IOException {
        String host = hostPage("script-tag", """
                <script src="SERVICE/embed.js" data-region="370100" data-as-of="2026-11-28" async></script>
                """);
        browser.driver.get(host);
        CheckerPage outer = new CheckerPage(browser.driver, port);
        outer.waitUntil(d -> !d.findElements(By.cssSelector("iframe.talent-checker-frame")).isEmpty());
        WebElement frame = browser.driver.findElement(By.cssSelector("iframe.talent-checker-frame"));
        assertThat(frame.getAttribute("src")).startsWith("http://localhost:" + port + "/?")
                .contains("embed=1").contains("region=370100").contains("asOf=2026-11-28");
        assertThat(frame.getAttribute("title")).isEqualTo("人才补贴资格自测");

        browser.driver.switchTo().frame(frame);
        CheckerPage page = new CheckerPage(browser.driver, port);
        page.waitUntil(d -> "true".equals(page.js("return document.documentElement.dataset.ready || ''")));
        assertThat(page.byId("f-hukouRegion").getAttribute("value")).isEqualTo("370100");
        assertThat(page.byId("f-employerRegion").getAttribute("value")).isEqualTo("370100");
        assertThat(page.byId("f-insuranceRegion").getAttribute("value")).isEqualTo("370100");
        assertThat((String) page.js("return document.body.className")).contains("embedded");

        page.type("f-birthDate", "1998-05-01").degree(0, "MASTER", true, "2023-06-30")
                .choose("f-employerType", "ENTERPRISE").choose("f-ownsHome", "no").submit();
        List<String> local = browser.driver.findElements(By.cssSelector("[data-group='local'] article.decision"))
                .stream().map(e -> e.getAttribute("data-policy")).toList();
        assertThat(local).as("the region's policies first, then the province's").containsExactly(
                "jinan_living_subsidy", "jinan_talent_tier", "jinan_home_purchase_subsidy", "jinan_rent_subsidy",
                "shandong_postdoc_subsidy");
        assertThat(page.byId("results-list").findElement(By.cssSelector("[data-group='local'] h3")).getText())
                .isEqualTo("济南市的政策");
        assertThat(browser.driver.findElements(By.cssSelector("[data-group='elsewhere'] article.decision")))
                .extracting(e -> e.getAttribute("data-policy"))
                .containsExactly("laoshan_talent_living_allowance", "qingdao_graduate_housing_subsidy",
                        "taian_youth_living_subsidy", "zibo_graduate_subsidy");
        long contentHeight = (Long) page.js("return Math.ceil(document.documentElement.getBoundingClientRect().height)");

        browser.driver.switchTo().defaultContent();
        outer.waitUntil(d -> frame.getSize().getHeight() == contentHeight);
        assertThat(frame.getSize().getHeight()).as("the iframe grows with the answer").isGreaterThan(1200);
        outer.js("window.scrollTo(0, 0)");
        browser.windowScreenshot("embedded-script-tag");
    }

    @Test
    void anIframeWithRegionLanguageAndPoliciesInItsAddressShowsThoseOnly() throws IOException {
        String host = hostPage("iframe", """
                <iframe src="SERVICE/?region=370212&amp;lang=en&amp;embed=1&amp;asOf=2026-11-28"
                        title="Talent entitlement checker" style="width:100%;height:1400px;border:0"></iframe>
                """);
        browser.driver.get(host);
        browser.driver.switchTo().frame(browser.driver.findElement(By.tagName("iframe")));
        CheckerPage page = new CheckerPage(browser.driver, port);
        page.waitUntil(d -> "true".equals(page.js("return document.documentElement.dataset.ready || ''")));
        assertThat(page.byId("f-employerRegion").getAttribute("value")).isEqualTo("370212");
        assertThat(page.byId("special-zone").isDisplayed()).as("Laoshan is in Qingdao").isTrue();
        assertThat(page.byId("submit").getText()).isEqualTo("Check my entitlements");
        page.type("f-birthDate", "1996-01-01").degree(0, "MASTER", true, "2025-06-30")
                .choose("f-employerType", "ENTERPRISE").choose("f-ownsHome", "no").choose("f-boughtSubsidised", "false")
                .choose("f-nationality", "MAINLAND").submit();
        assertThat(page.decisionOrder()).as("Laoshan's own policy, then Qingdao's, then the province's")
                .startsWith("laoshan_talent_living_allowance", "qingdao_graduate_housing_subsidy", "shandong_postdoc_subsidy");
        assertThat(page.decision("qingdao_graduate_housing_subsidy").outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.decision("laoshan_talent_living_allowance").benefits())
                .containsExactly("CNY 3,000 a year × 3 years = CNY 9,000");
        assertThat(page.byId("results-list").findElement(By.cssSelector("[data-group='local'] h3")).getText())
                .isEqualTo("Policies for Qingdao, Laoshan");
        browser.driver.switchTo().defaultContent();

        CheckerPage filtered = new CheckerPage(browser.driver, port)
                .open("?asOf=2026-11-28&policies=jinan_rent_subsidy,jinan_living_subsidy");
        filtered.type("f-birthDate", "1998-05-01").submit();
        assertThat(filtered.decisionOrder()).containsExactlyInAnyOrder("jinan_living_subsidy", "jinan_rent_subsidy");
    }
}
