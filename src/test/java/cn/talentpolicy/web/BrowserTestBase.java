package cn.talentpolicy.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser test class: one headless Chromium for the class, and the port the service under test listens on. */
abstract class BrowserTestBase {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    /** The service's Content-Security-Policy allows only its own scripts and styles: the page needs no other. */
    @AfterEach
    void nothingWasBlockedByTheSecurityPolicy() {
        if (browser != null) {
            assertThat(browser.securityPolicyViolations()).as("the console's Content-Security-Policy reports")
                    .isEmpty();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
