package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.RequestOptions;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the dashboard page ITs share: signing in, the user's own replay stream, and reading the cards. */
final class DashboardPages {

  /** The twelve metrics of DashboardData, as the page shows them in cards. */
  static final List<String> METRICS = List.of("total_predictions", "avg_score", "high_risk", "medium_risk",
      "low_risk", "fraud_flagged", "active_streams", "workouts_total", "workouts_active", "frames_today",
      "avg_pressure_today", "peak_pressure_today");
  static final List<String> COUNTS = List.of("total_predictions", "high_risk", "medium_risk", "low_risk",
      "fraud_flagged", "active_streams", "workouts_total", "workouts_active", "frames_today");
  /** Dashboard pushes and the REST poll take seconds, not the default five. */
  static final LocatorAssertions.HasAttributeOptions SLOW_ATTRIBUTE =
      new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
  private static final Pattern NUMBER = Pattern.compile("^\\d+$");
  private static final Pattern STOPPED = Pattern.compile("stopped after (\\d+) rows");

  private DashboardPages() {
  }

  /** A user name no other test uses, so each test sees only its own data. */
  static String uniqueUser(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Page open(WebApp app) {
    Page page = app.newPage();
    page.navigate(app.url() + "dashboard");
    return page;
  }

  /** Signs in with the dev login form and waits for the dashboard of that user. */
  static void devLogin(Page page, String user) {
    page.getByTestId("dev-user").fill(user);
    page.getByTestId("dev-login").click();
    awaitSignedIn(page, user);
  }

  /** Signs in by pasting a token and waits for the dashboard of its user. */
  static void pasteToken(Page page, String token, String user) {
    page.getByTestId("token-input").fill(token);
    page.getByTestId("token-login").click();
    awaitSignedIn(page, user);
  }

  static void awaitSignedIn(Page page, String user) {
    PlaywrightAssertions.assertThat(page.getByTestId("dashboard")).isVisible();
    PlaywrightAssertions.assertThat(page.getByTestId("user")).hasText(user);
    PlaywrightAssertions.assertThat(page.getByTestId("signin")).isHidden();
    PlaywrightAssertions.assertThat(metric(page, "total_predictions")).hasAttribute("data-value", NUMBER);
  }

  /** The token of the page's session, from sessionStorage.dashboard_session. */
  static String token(Page page) {
    return (String) page.evaluate("JSON.parse(sessionStorage.getItem('dashboard_session')).token");
  }

  static Locator metric(Page page, String key) {
    return page.getByTestId("metric-" + key);
  }

  /** Waits until a card shows this value (its raw number, in data-value). */
  static void awaitMetric(Page page, String key, long value) {
    PlaywrightAssertions.assertThat(metric(page, key)).hasAttribute("data-value", String.valueOf(value),
        SLOW_ATTRIBUTE);
  }

  /**
   * Starts the user's replay stream with the page's Start button, waits for {@code live} predictions in the live
   * table, stops it and waits until the dashboard counts every row it streamed and the stream, which the page left,
   * no longer as active; returns that count.
   */
  static long streamAndStop(Page page, int live) {
    page.getByTestId("stream-start").click();
    page.waitForFunction("n => document.querySelectorAll('[data-testid=live-predictions] tr').length >= n", live);
    page.getByTestId("stream-stop").click();
    PlaywrightAssertions.assertThat(page.getByTestId("stream-state")).hasText(STOPPED);
    Matcher stopped = STOPPED.matcher(page.getByTestId("stream-state").textContent());
    assertThat(stopped.find()).isTrue();
    long streamed = Long.parseLong(stopped.group(1));
    assertThat(streamed).isGreaterThanOrEqualTo(live);
    awaitMetric(page, "total_predictions", streamed);
    awaitMetric(page, "active_streams", 0);
    return streamed;
  }

  /**
   * Streams {@code rows} predictions of a replay stream that a Java WebSocket client authenticated with {@code token}
   * starts (so they are the token user's), stops it and returns how many rows it streamed.
   */
  static long streamFromJava(WebApp app, String token, int rows) {
    Vertx client = Vertx.vertx();
    try (WsClient ws = WsClient.open(client, app.node().httpPort(), o -> o.setURI("/ws?token=" + token))) {
      assertThat(ws.next("connected").getString("status")).isEqualTo("success");
      String visitor = "java-" + UUID.randomUUID();
      ws.sendText(new JsonObject().put("event", "join_stream").put("ack", 1)
          .put("data", new JsonObject().put("visitor_id", visitor)).encode());
      for (int seen = 0; seen < rows; ) {
        seen += "prediction".equals(ws.next().getString("event")) ? 1 : 0;
      }
      ws.sendText(new JsonObject().put("event", "stream_control").put("ack", 2)
          .put("data", new JsonObject().put("visitor_id", visitor).put("action", "stop")).encode());
      while (true) {
        JsonObject frame = ws.next();
        if ("stream_complete".equals(frame.getString("event"))) {
          return frame.getJsonObject("data").getLong("streamed");
        }
      }
    } finally {
      NodeFixture.await(client.close());
    }
  }

  /** GET /api/live-data with the token: the DashboardData the REST fallback answers. */
  static JsonObject liveData(WebApp app, String token) {
    APIResponse response = app.context().request().get(app.url() + "api/live-data",
        RequestOptions.create().setHeader("Authorization", "Bearer " + token));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonObject body = new JsonObject(response.text());
    assertThat(body.getBoolean("success")).isTrue();
    return body.getJsonObject("data");
  }

  /** Every card shows the metric of {@code data}: the raw number exactly, counts and the score as text too. */
  static void assertCardsShow(Page page, JsonObject data) {
    JsonObject metrics = data.getJsonObject("metrics");
    for (String key : METRICS) {
      double expected = ((Number) metrics.getValue(key)).doubleValue();
      String raw = metric(page, key).getAttribute("data-value");
      assertThat(Double.parseDouble(raw)).as("card %s", key).isEqualTo(expected);
      if (COUNTS.contains(key)) {
        assertThat(metric(page, key).textContent()).as("card %s", key)
            .isEqualTo(String.format(Locale.US, "%,d", (long) expected));
      }
    }
    assertThat(metric(page, "avg_score").textContent())
        .isEqualTo(String.format(Locale.US, "%.4f", metrics.getDouble("avg_score")));
    JsonObject trends = data.getJsonObject("trends");
    for (String key : trends.fieldNames()) {
      Locator trend = page.getByTestId("trend-" + key);
      assertThat(trend.getAttribute("data-trend")).as("trend %s", key).isEqualTo(trends.getString(key));
      assertThat(trend.locator(".visually-hidden").textContent()).isEqualTo("trend " + trends.getString(key));
    }
  }
}
