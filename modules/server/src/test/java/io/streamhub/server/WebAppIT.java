package io.streamhub.server;

import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The built-in web app in Debian's headless Chromium, driven by Playwright, against one node. */
@DisplayName("The web app in a real browser")
class WebAppIT {

  @RegisterExtension
  static final WebApp app = new WebApp(() -> config(roles("ingress", "replay", "persistence").put("replay", WebApp.fastReplay())));

  private static Locator byTestId(Page page, String id) {
    return page.getByTestId(id);
  }

  private static int seq(Page page) {
    return Integer.parseInt(byTestId(page, "seq").textContent());
  }

  /** Waits until the page shows at least {@code seq} rows streamed. */
  private static void awaitSeq(Page page, int seq) {
    page.waitForFunction("n => Number(document.querySelector('[data-testid=seq]').textContent) >= n", seq);
  }

  @Test
  @DisplayName("The page loads without console errors, joins a stream, and predictions fill the table and move the bar")
  void streams() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.navigate(app.url());
    PlaywrightAssertions.assertThat(byTestId(page, "badge")).hasText("Live");
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText("started");
    awaitSeq(page, 10);
    PlaywrightAssertions.assertThat(byTestId(page, "total")).hasText("1200");
    assertThat(((Number) page.evaluate("document.querySelector('progress').value")).doubleValue())
        .isGreaterThanOrEqualTo(10);
    assertThat(byTestId(page, "rows").locator("tr").count()).isBetween(10, 20);
    long newest = Long.parseLong(byTestId(page, "rows").locator("tr").first().getAttribute("data-seq"));
    assertThat(newest).isGreaterThanOrEqualTo(10);
    PlaywrightAssertions.assertThat(byTestId(page, "eta")).hasText(Pattern.compile("about \\d+ s left"));
    assertThat(page.evaluate("localStorage.getItem('visitor_id')")).isEqualTo(byTestId(page, "visitor").textContent());
    assertThat(byTestId(page, "visitor").textContent()).as("a crypto.randomUUID()")
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("Fraud rows (score at or above the dataset's 0.5 threshold) are highlighted with their own background")
  void fraudHighlighted() {
    Page page = app.newPage();
    page.addInitScript("window.seenRows = [];"
        + "new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {"
        + "  if (!node.dataset || !node.dataset.seq) return;"
        + "  window.seenRows.push({score: Number(node.children[3].textContent), highlighted: node.classList.contains('fraud'),"
        + "    background: getComputedStyle(node.children[0]).backgroundColor});"
        + "}))).observe(document, {childList: true, subtree: true});");
    page.navigate(app.url());
    page.waitForFunction("() => window.seenRows.filter(row => row.score >= 0.5).length >= 2");
    List<Map<String, Object>> rows = seenRows(page);
    assertThat(rows).filteredOn(row -> ((Number) row.get("score")).doubleValue() >= 0.5005)
        .isNotEmpty().allMatch(row -> Boolean.TRUE.equals(row.get("highlighted")));
    assertThat(rows).filteredOn(row -> ((Number) row.get("score")).doubleValue() < 0.4995)
        .isNotEmpty().noneMatch(row -> Boolean.TRUE.equals(row.get("highlighted")));
    assertThat(rows.stream().filter(row -> Boolean.TRUE.equals(row.get("highlighted"))).map(row -> row.get("background")))
        .doesNotContainAnyElementsOf(rows.stream().filter(row -> !Boolean.TRUE.equals(row.get("highlighted")))
            .map(row -> row.get("background")).toList());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> seenRows(Page page) {
    return (List<Map<String, Object>>) page.evaluate("window.seenRows");
  }

  @Test
  @DisplayName("Where crypto.randomUUID is missing (plain HTTP on another host) the visitor id is 32 random hex digits")
  void visitorIdWithoutRandomUuid() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.addInitScript("delete Crypto.prototype.randomUUID");
    page.navigate(app.url());
    awaitSeq(page, 3);
    assertThat(page.evaluate("typeof crypto.randomUUID")).isEqualTo("undefined");
    assertThat(byTestId(page, "visitor").textContent()).matches("[0-9a-f]{32}");
    assertThat(page.evaluate("localStorage.getItem('visitor_id')")).isEqualTo(byTestId(page, "visitor").textContent());
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("The API, ops and protocol routes still win over the web app; unknown paths get the JSON 404")
  void routes() {
    APIResponse health = app.context().request().get(app.url() + "health");
    assertThat(new JsonObject(health.text()).getString("status")).isEqualTo("up");
    APIResponse chart = app.context().request().get(app.url() + "vendor/chart.js");
    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.headers().get("content-type")).startsWith("text/javascript");
    APIResponse missing = app.context().request().get(app.url() + "assets/missing.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(new JsonObject(missing.text()).getJsonObject("error").getString("code")).isEqualTo("not_found");
    assertThat(app.context().request().get(app.url() + "assets/app.css").headers().get("content-type")).startsWith("text/css");
    JsonObject baseline = new JsonObject(app.context().request().get(app.url() + "api/v1/datasets/machine-monitor/baseline").text());
    assertThat(baseline.getJsonArray("points")).hasSize(400);
    APIResponse none = app.context().request().get(app.url() + "api/v1/datasets/transactions/baseline");
    assertThat(none.status()).isEqualTo(404);
    assertThat(new JsonObject(none.text()).getJsonObject("error").getString("code")).isEqualTo("not_found");
    assertThat(app.context().request().get(app.url() + "api/v1/datasets/nope/baseline").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("The monitor plot gains red points: baseline in blue, red points grow; pause stops them, resume continues")
  void monitorPlot() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.navigate(app.url());
    byTestId(page, "nav-monitor").click();
    page.waitForURL(app.url() + "monitor");
    PlaywrightAssertions.assertThat(byTestId(page, "badge")).hasText("Live");
    PlaywrightAssertions.assertThat(byTestId(page, "baseline-count")).hasText("400");
    assertThat(plotted(page, 0)).isEqualTo(400);
    assertThat(page.evaluate("localStorage.getItem('monitor_visitor_id')")).isNull();
    byTestId(page, "speed").selectOption("0.5");
    byTestId(page, "start").focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText("running");
    page.waitForFunction("() => Chart.getChart('plot').data.datasets[1].data.length >= 10");
    assertThat(page.evaluate("localStorage.getItem('monitor_visitor_id')")).isEqualTo(byTestId(page, "visitor").textContent());
    assertThat(page.evaluate("localStorage.getItem('visitor_id')")).isNotEqualTo(byTestId(page, "visitor").textContent());
    PlaywrightAssertions.assertThat(byTestId(page, "status-state")).hasText("running");
    byTestId(page, "pause").click();
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText("paused");
    PlaywrightAssertions.assertThat(byTestId(page, "status-state")).hasText("paused");
    int paused = plotted(page, 1);
    page.waitForTimeout(1_000);
    assertThat(plotted(page, 1)).isEqualTo(paused);
    PlaywrightAssertions.assertThat(byTestId(page, "live-count")).hasText(String.valueOf(paused));
    byTestId(page, "resume").click();
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText("running");
    page.waitForFunction("n => Chart.getChart('plot').data.datasets[1].data.length >= n", paused + 10);
    BrowserFixture.screenshot(page, "monitorPlot-live");
    byTestId(page, "point-size").focus();
    page.keyboard().press("ArrowRight");
    assertThat(((Number) page.evaluate("Chart.getChart('plot').data.datasets[1].pointRadius")).intValue()).isEqualTo(4);
    byTestId(page, "reset").click();
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText(Pattern.compile("started|running"));
    page.waitForFunction("() => Number(document.querySelector('[data-testid=seq]').textContent) >= 1");
    List<Long> seqs = ((List<?>) page.evaluate("Chart.getChart('plot').data.datasets[1].data.map(point => point.seq)"))
        .stream().map(seq -> ((Number) seq).longValue()).toList();
    assertThat(seqs).as("red points after reset: the new stream's rows only, from seq 1")
        .isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
    assertThat(errors).isEmpty();
  }

  private static int plotted(Page page, int dataset) {
    return ((Number) page.evaluate("i => Chart.getChart('plot').data.datasets[i].data.length", dataset)).intValue();
  }

  @Test
  @DisplayName("Two tabs of one visitor share the stream: the second joins the existing one and both end on one seq")
  void twoTabs() {
    Page first = app.newPage();
    first.navigate(app.url());
    awaitSeq(first, 5);
    Page second = app.newPage();
    second.navigate(app.url());
    PlaywrightAssertions.assertThat(byTestId(second, "state")).hasText("joined existing");
    assertThat(byTestId(second, "visitor").textContent()).isEqualTo(byTestId(first, "visitor").textContent());
    awaitSeq(second, seq(first) + 5);
    String visitor = byTestId(first, "visitor").textContent();
    assertThat(app.context().request().delete(app.url() + "api/v1/streams/" + visitor).status()).isEqualTo(200);
    PlaywrightAssertions.assertThat(byTestId(first, "state")).hasText("stopped");
    PlaywrightAssertions.assertThat(byTestId(second, "state")).hasText("stopped");
    PlaywrightAssertions.assertThat(byTestId(second, "seq")).hasText(byTestId(first, "seq").textContent());
  }

  @Test
  @DisplayName("A keyboard user starts a new visitor: a new id in localStorage and a fresh stream from row 1")
  void newVisitor() {
    Page page = app.newPage();
    page.navigate(app.url());
    awaitSeq(page, 3);
    String before = byTestId(page, "visitor").textContent();
    for (String id : List.of("nav-stream", "nav-monitor", "nav-pressure", "nav-dashboard", "new-visitor")) {
      page.keyboard().press("Tab");
      PlaywrightAssertions.assertThat(byTestId(page, id)).isFocused();
    }
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "visitor")).not().hasText(before);
    PlaywrightAssertions.assertThat(byTestId(page, "state")).hasText("started");
    assertThat(page.evaluate("localStorage.getItem('visitor_id')")).isEqualTo(byTestId(page, "visitor").textContent());
    awaitSeq(page, 3);
    assertThat(byTestId(page, "rows").locator("tr").last().getAttribute("data-seq")).isEqualTo("1");
  }
}
