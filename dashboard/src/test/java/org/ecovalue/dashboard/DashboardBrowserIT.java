package org.ecovalue.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.ecovalue.schemas.alert.Severity;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a basin authority sees, in a real headless Chromium: the pages are driven only by records
 * arriving on the real Kafka topics. Screenshots of each page go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    /** --c4 in app.css: the colour of GB 3838 class IV (yellow), as computed by the browser. */
    private static final String CLASS_IV_RGB = "rgba(251, 192, 45, 1)";
    private static final String CLASS_II_RGB = "rgba(30, 136, 229, 1)";

    private ResultTopics topics;
    private Dashboard dashboard;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        topics = new ResultTopics(dir.resolve("kafka"));
        long now = System.currentTimeMillis();
        topics.commit(EcoTopic.STATION_CLASS, "SW390121000001", Basin.stationClass("SW390121000001", now, "II"));
        topics.commit(EcoTopic.STATION_CLASS, Basin.SHUANGJIANGKOU_STATION,
                Basin.stationClass(Basin.SHUANGJIANGKOU_STATION, now, "II"));
        topics.commit(EcoTopic.STATION_CLASS, "SW390123000001", Basin.stationClass("SW390123000001", now, "III"));
        topics.commit(EcoTopic.COMPENSATION, "QX-A02/2026-11", Basin.provisional("500000.00", 1.2, now - 60_000));
        topics.commit(EcoTopic.INVENTORY, "390121/water_conservation",
                Basin.waterConservation("390121", 1.20e6, "8472000.00", now - 120_000));
        topics.commit(EcoTopic.INVENTORY, "390121/water_conservation",
                Basin.waterConservation("390121", 1.25e6, "8825000.00", now - 60_000));
        topics.commit(EcoTopic.ALERTS, "QX-S02", new Alert(AlertType.EXCEEDANCE, Basin.SHUANGJIANGKOU_STATION,
                "QX-S02", "nh3n", 1.62, 1.0, now - 30_000, null, Severity.WARNING));
        dashboard = new Dashboard(DashboardConfig.defaults().withKafka(topics.bootstrapServers())
                .withHttp("127.0.0.1", 0).withRegistry(List.of(Basin.REGISTRY)), History.none()).start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(dashboard::caughtUp);
        chromium = new HeadlessChromium(dir.resolve("chromium-profile"));
        browser = chromium.driver();
    }

    @AfterAll
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    private WebElement tile(String sectionId) {
        return browser.findElement(By.cssSelector(".section-tile[data-section='" + sectionId + "']"));
    }

    @Test
    @Order(1)
    void the_overview_shows_every_section_with_its_class_and_turns_shuangjiangkou_yellow_when_class_IV_arrives() throws Exception {
        browser.get(dashboard.url() + "#/overview");
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(browser.findElements(By.cssSelector(".section-tile"))).hasSize(3));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tile("QX-S02").getAttribute("data-class")).isEqualTo("II"));
        assertThat(tile("QX-S02").getCssValue("border-left-color")).isEqualTo(CLASS_II_RGB);
        assertThat(tile("QX-S02").getText()).contains("双江口");
        assertThat(browser.findElement(By.cssSelector("#live.on")).getText()).isEqualTo("实时");
        browser.executeScript("window.__notReloaded = true;");
        chromium.screenshot("overview-before-incident");

        // the simulator's incident: NH3-N rises at 双江口, the pipeline publishes class IV
        topics.commit(EcoTopic.STATION_CLASS, Basin.SHUANGJIANGKOU_STATION,
                Basin.stationClass(Basin.SHUANGJIANGKOU_STATION, System.currentTimeMillis() + 1000, "IV"));

        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tile("QX-S02").getAttribute("data-class")).isEqualTo("IV"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(tile("QX-S02").getCssValue("border-left-color")).isEqualTo(CLASS_IV_RGB));
        assertThat(tile("QX-S01").getAttribute("data-class")).isEqualTo("II");
        assertThat((Boolean) browser.executeScript("return window.__notReloaded === true;")).isTrue();
        chromium.screenshot("overview");
    }

    @Test
    @Order(2)
    void an_agreements_running_amount_updates_without_reloading_the_page() throws Exception {
        browser.get(dashboard.url() + "#/agreement/QX-A02");
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("running-amount")).getText()).isEqualTo("¥ 500,000.00"));
        browser.executeScript("window.__notReloaded = true;");

        // class V now: two class steps below baseline III, ¥1,000,000.00 (the agreement's cap)
        topics.commit(EcoTopic.COMPENSATION, "QX-A02/2026-11", Basin.provisional("1000000.00", 1.8, System.currentTimeMillis()));

        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(browser.findElement(By.id("running-amount")).getText()).isEqualTo("¥ 1,000,000.00"));
        assertThat((Boolean) browser.executeScript("return window.__notReloaded === true;")).isTrue();
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("溪口县补偿清浦县");
        chromium.screenshot("agreement");
    }

    @Test
    @Order(3)
    void a_final_entry_sealed_into_the_hash_chain_shows_its_verified_badge() throws Exception {
        browser.get(dashboard.url() + "#/agreement/QX-A02");
        topics.commit(EcoTopic.COMPENSATION, "QX-A02/2026-10",
                LedgerHashChain.seal(Basin.finalOctober("500000.00"), LedgerHashChain.GENESIS));

        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            WebElement row = browser.findElement(By.cssSelector("#settled tr[data-period='2026-10'][data-revision='0']"));
            assertThat(row.findElement(By.cssSelector(".badge-verified")).getText()).isEqualTo("已验证 ✓");
        });
        assertThat(browser.findElements(By.cssSelector("#settled .badge-broken"))).isEmpty();
        browser.executeScript("document.getElementById('settled').scrollIntoView({block: 'end'});");
        chromium.screenshot("agreement-final-verified");
    }

    @Test
    @Order(4)
    void the_unit_page_lists_its_inventory_and_the_alerts_page_the_open_exceedance() throws Exception {
        browser.get(dashboard.url() + "#/unit/390121");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                browser.findElement(By.cssSelector("#inventory tr[data-key='390121/water_conservation']")).getText())
                .contains("水源涵养").contains("1,250,000").contains("8,825,000.00"));
        chromium.screenshot("unit");

        browser.get(dashboard.url() + "#/alerts");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                browser.findElement(By.cssSelector("#alerts tbody")).getText())
                .contains("超标").contains("双江口").contains("nh3n").contains("1.62").contains("持续中"));
        chromium.screenshot("alerts");
    }

    @Test
    @Order(5)
    void the_english_switch_translates_the_pages() throws Exception {
        browser.get(dashboard.url() + "#/overview");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector(".section-tile")).isEmpty());
        browser.findElement(By.id("lang")).click();
        await().ignoreExceptions().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("nav")).getText()).contains("Basin overview"));
        chromium.screenshot("overview-en");
        browser.findElement(By.id("lang")).click(); // leave the profile in Chinese
    }
}
