package io.streamhub.server;

import static io.streamhub.server.DashboardPages.assertCardsShow;
import static io.streamhub.server.DashboardPages.awaitMetric;
import static io.streamhub.server.DashboardPages.devLogin;
import static io.streamhub.server.DashboardPages.liveData;
import static io.streamhub.server.DashboardPages.metric;
import static io.streamhub.server.DashboardPages.open;
import static io.streamhub.server.DashboardPages.streamAndStop;
import static io.streamhub.server.DashboardPages.token;
import static io.streamhub.server.DashboardPages.uniqueUser;
import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.testing.WsClient;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard page in a real browser against one node with every role and the demo's dev login. */
@DisplayName("The dashboard page in a real browser")
class DashboardPageIT {

  private static final StreamhubConfig CONFIG = config(roles("ingress", "replay", "stats", "persistence", "dashboard")
      .put("replay", WebApp.fastReplay().put("resume_grace_ms", 200))
      .put("dashboard", new JsonObject().put("push_interval_ms", 300)));

  @RegisterExtension
  static final WebApp app = new WebApp(() -> CONFIG);

  /** A token for {@code user} signed with this node's dev-login secret, as an identity provider would issue it. */
  private static String mint(String user) {
    return await(TokenVerifier.create(app.node().vertx(), CONFIG.auth())).issuer().orElseThrow()
        .issue(user, Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("Dev login signs in; the user's own stream's predictions arrive live and the cards, trends and chart "
      + "show the numbers GET /api/live-data answers for the token")
  void devLoginShowsTheUsersMetrics() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.navigate(app.url() + "dashboard");
    PlaywrightAssertions.assertThat(page.getByTestId("dev-login-form")).isVisible();
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
    page.setViewportSize(1280, 800);
    String user = uniqueUser("ada");
    devLogin(page, user);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live");
    JsonObject session = new JsonObject((String) page.evaluate("sessionStorage.getItem('dashboard_session')"));
    assertThat(session.getString("user")).isEqualTo(user);
    assertThat(session.getString("source")).isEqualTo("dev");
    assertThat(session.getLong("expires_at")).isGreaterThan(System.currentTimeMillis() + 3_000_000L);
    assertCardsShow(page, liveData(app, token(page)));

    page.evaluate("window.notReloaded = true");
    page.getByTestId("stream-start").click();
    page.waitForFunction("() => document.querySelectorAll('[data-testid=live-predictions] tr').length >= 3");
    int seen = page.getByTestId("live-predictions").locator("tr").count();
    page.waitForFunction("n => document.querySelectorAll('[data-testid=live-predictions] tr').length > n", seen);
    assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
    page.getByTestId("stream-stop").click();
    PlaywrightAssertions.assertThat(page.getByTestId("stream-state")).hasText(Pattern.compile("stopped after"));
    long streamed = Long.parseLong(page.getByTestId("stream-state").textContent().replaceAll("\\D", ""));
    awaitMetric(page, "total_predictions", streamed);
    awaitMetric(page, "active_streams", 0);

    JsonObject data = liveData(app, token(page));
    assertThat(data.getString("user_id")).isEqualTo(user);
    assertThat(data.getJsonObject("metrics").getLong("total_predictions")).isEqualTo(streamed);
    assertCardsShow(page, data);
    JsonObject metrics = data.getJsonObject("metrics");
    List<?> bars = (List<?>) page.evaluate("Chart.getChart('risk-chart').data.datasets[0].data");
    assertThat(bars.stream().map(n -> ((Number) n).longValue()).toList()).containsExactly(
        metrics.getLong("high_risk"), metrics.getLong("medium_risk"), metrics.getLong("low_risk"));
    assertThat(page.getByTestId("activity").locator("li").count())
        .isEqualTo(data.getJsonArray("recent_activity").size());
    assertThat(page.getByTestId("alerts").locator("li[data-source=current]").count())
        .isEqualTo(data.getJsonArray("alerts").size());
    PlaywrightAssertions.assertThat(page.getByTestId("last-update")).hasAttribute("data-source", "live");
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("Risk and activity filters and a date range change what the page shows, as the server computes it; "
      + "Start after Stop begins a fresh stream")
  void filtersAndDateRange() {
    Page page = open(app);
    devLogin(page, uniqueUser("fil"));
    long streamed = streamAndStop(page, 5);
    String token = token(page);

    page.getByTestId("risk-medium").uncheck();
    page.getByTestId("risk-low").uncheck();
    page.waitForFunction("() => [...document.querySelectorAll('[data-testid=activity] li')]"
        + ".every(li => li.dataset.risk === 'high')");
    assertThat(page.getByTestId("live-predictions").locator("tr:not([data-risk=high])").count()).isZero();
    JsonArray highOnly = liveData(app, token).getJsonArray("recent_activity");
    assertThat(page.getByTestId("activity").locator("li").count()).isEqualTo(highOnly.size());
    highOnly.forEach(item -> assertThat(((JsonObject) item).getString("risk")).isEqualTo("high"));
    awaitMetric(page, "total_predictions", streamed);

    page.getByTestId("risk-medium").check();
    page.getByTestId("risk-low").check();
    page.getByTestId("type-prediction").uncheck();
    PlaywrightAssertions.assertThat(page.getByTestId("no-activity")).isVisible();
    assertThat(liveData(app, token).getJsonArray("recent_activity")).isEmpty();
    page.getByTestId("type-prediction").check();
    PlaywrightAssertions.assertThat(page.getByTestId("activity").locator("li")).not().hasCount(0);

    String tomorrow = LocalDate.now().plusDays(1) + "T00:00";
    page.getByTestId("range-from").fill(tomorrow);
    page.getByTestId("range-apply").click();
    awaitMetric(page, "total_predictions", 0);
    PlaywrightAssertions.assertThat(page.getByTestId("range-status")).not().hasText("All time");
    PlaywrightAssertions.assertThat(page.getByTestId("no-activity")).isVisible();
    assertThat(liveData(app, token).getJsonObject("metrics").getLong("total_predictions")).isZero();
    page.getByTestId("range-to").fill(LocalDate.now().minusDays(1) + "T00:00");
    page.getByTestId("range-apply").click();
    PlaywrightAssertions.assertThat(page.getByTestId("error")).hasText(Pattern.compile("\"from\" must be before \"to\""));
    page.getByTestId("range-clear").click();
    awaitMetric(page, "total_predictions", streamed);
    PlaywrightAssertions.assertThat(page.getByTestId("range-status")).hasText("All time");

    page.getByTestId("stream-start").click();
    PlaywrightAssertions.assertThat(page.getByTestId("stream-state")).hasText(Pattern.compile("started|running"));
    page.waitForFunction("() => Number(document.querySelector('[data-testid=stream-rows]').textContent) >= 2");
    awaitMetric(page, "active_streams", 1);
  }

  @Test
  @DisplayName("Export downloads dashboard-<user>-<time>.csv with header section,key,value and the shown metrics, and JSON")
  void export() throws IOException {
    Page page = open(app);
    String user = uniqueUser("exp");
    devLogin(page, user);
    Download csv = page.waitForDownload(() -> page.getByTestId("export-csv").click());
    assertThat(csv.suggestedFilename()).matches("dashboard-" + user + "-\\d{8}T\\d{6}Z\\.csv");
    List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("section,key,value");
    assertThat(lines).contains("metric,total_predictions," + metric(page, "total_predictions").getAttribute("data-value"),
        "trend,total_predictions," + page.getByTestId("trend-total_predictions").getAttribute("data-trend"));
    Download json = page.waitForDownload(() -> page.getByTestId("export-json").click());
    assertThat(json.suggestedFilename()).matches("dashboard-" + user + "-\\d{8}T\\d{6}Z\\.json");
    JsonObject exported = new JsonObject(Files.readString(json.path(), StandardCharsets.UTF_8));
    assertThat(exported.getString("user_id")).isEqualTo(user);
    assertThat(exported.getJsonObject("metrics").fieldNames()).containsExactlyInAnyOrderElementsOf(DashboardPages.METRICS);
  }

  @Test
  @DisplayName("A pasted token signs in and survives a reload (sessionStorage); Sign out forgets it and closes the connection")
  void pastedToken() {
    Page page = open(app);
    String user = uniqueUser("tok");
    DashboardPages.pasteToken(page, mint(user), user);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live");
    PlaywrightAssertions.assertThat(page.getByTestId("expires")).not().hasText("–");
    assertThat(new JsonObject((String) page.evaluate("sessionStorage.getItem('dashboard_session')"))
        .getString("source")).isEqualTo("token");
    page.reload();
    DashboardPages.awaitSignedIn(page, user);
    page.getByTestId("sign-out").click();
    PlaywrightAssertions.assertThat(page.getByTestId("signin")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("dashboard")).isHidden();
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    assertThat(page.evaluate("sessionStorage.getItem('dashboard_session')")).isNull();
    PlaywrightAssertions.assertThat(metric(page, "total_predictions")).hasText("–");
    assertThat(metric(page, "total_predictions").getAttribute("data-value")).isNull();
  }

  @Test
  @DisplayName("A malformed or wrongly signed token shows the server's unauthorized error and the form stays usable")
  void badToken() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.navigate(app.url() + "dashboard");
    page.getByTestId("token-input").fill("not-a-token");
    page.getByTestId("token-login").click();
    PlaywrightAssertions.assertThat(page.getByTestId("signin-error")).hasText(Pattern.compile("^unauthorized: .+"));
    PlaywrightAssertions.assertThat(page.getByTestId("dashboard")).isHidden();
    PlaywrightAssertions.assertThat(page.getByTestId("token-input")).isFocused();
    Vertx other = Vertx.vertx();
    String foreign = await(TokenVerifier.create(other, CONFIG.auth())).issuer().orElseThrow()
        .issue("mallory", Duration.ofMinutes(5));
    await(other.close());
    page.getByTestId("token-input").fill(foreign);
    page.getByTestId("token-login").click();
    PlaywrightAssertions.assertThat(page.getByTestId("signin-error")).hasText(Pattern.compile("^unauthorized: .*signature"));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    assertThat(page.evaluate("sessionStorage.getItem('dashboard_session')")).isNull();
    String user = uniqueUser("fix");
    DashboardPages.pasteToken(page, mint(user), user);
    PlaywrightAssertions.assertThat(page.getByTestId("signin-error")).isHidden();
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("A keyboard user signs in with Enter and reaches every control with Tab; Space toggles a filter")
  void keyboard() {
    Page page = open(app);
    PlaywrightAssertions.assertThat(page.getByTestId("dev-login-form")).isVisible();
    for (String id : List.of("nav-stream", "nav-monitor", "nav-pressure", "nav-dashboard", "dev-user", "dev-login",
        "token-input", "token-login")) {
      page.keyboard().press("Tab");
      PlaywrightAssertions.assertThat(page.getByTestId(id)).isFocused();
    }
    page.getByTestId("dev-user").focus();
    String user = uniqueUser("key");
    page.keyboard().type(user);
    page.keyboard().press("Enter");
    DashboardPages.awaitSignedIn(page, user);
    Set<String> reached = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      page.keyboard().press("Tab");
      reached.add((String) page.evaluate("document.activeElement.dataset.testid || ''"));
    }
    assertThat(reached).containsAll(List.of("refresh", "export-csv", "export-json", "sign-out", "stream-start",
        "risk-high", "risk-medium", "risk-low", "type-prediction", "type-workout_started", "type-workout_ended",
        "range-from", "range-to", "range-apply", "range-clear"));
    page.getByTestId("risk-low").focus();
    page.keyboard().press("Space");
    PlaywrightAssertions.assertThat(page.getByTestId("risk-low")).not().isChecked();
    page.getByTestId("sign-out").focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(page.getByTestId("dev-user")).isFocused();
  }

  @Test
  @DisplayName("A workout the user's device feeds fills the workout and pressure cards, and its peak arrives as a live alert")
  void workoutCardsAndLivePeakAlert() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.navigate(app.url() + "dashboard");
    String user = uniqueUser("coach");
    devLogin(page, user);
    String workout = "w-" + user;
    Vertx client = Vertx.vertx();
    try (WsClient device = WsClient.open(client, app.node().httpPort(), o -> o.setURI("/ws?token=" + token(page)))) {
      assertThat(device.next("connected").getString("user_id")).isEqualTo(user);
      acked(device, 1, "join_session", new JsonObject().put("workout_id", workout));
      acked(device, 2, "pressure_frame", PressureNodeIT.frame(workout, new JsonArray()
          .add(new JsonArray().add(950).add(10)).add(new JsonArray().add(0).add(20))));
      acked(device, 3, "pressure_frame", PressureNodeIT.frame(workout, PressureNodeIT.twoByTwo()));
      PlaywrightAssertions.assertThat(page.locator("[data-testid=alerts] li[data-code=pressure_peak][data-source=live]"))
          .containsText(workout);
      awaitMetric(page, "frames_today", 2);
      awaitMetric(page, "workouts_active", 1);
      assertCardsShow(page, liveData(app, token(page)));
      assertThat(metric(page, "peak_pressure_today").getAttribute("data-value")).isIn("950", "950.0");
    } finally {
      await(client.close());
    }
    assertThat(errors).isEmpty();
  }

  /** Sends a request from the device and skips the pushes the user's connection also gets until its ack. */
  private static void acked(WsClient device, long ack, String event, JsonObject data) {
    device.sendText(new JsonObject().put("event", event).put("ack", ack).put("data", data).encode());
    JsonObject frame = device.next();
    while (!Long.valueOf(ack).equals(frame.getLong("ack"))) {
      frame = device.next();
    }
    assertThat(frame.getString("event")).as("answer to %s: %s", event, frame).isEqualTo("ack");
  }
}
