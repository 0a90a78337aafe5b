package io.streamhub.server;

import static io.streamhub.server.DashboardPages.assertCardsShow;
import static io.streamhub.server.DashboardPages.awaitMetric;
import static io.streamhub.server.DashboardPages.liveData;
import static io.streamhub.server.DashboardPages.open;
import static io.streamhub.server.DashboardPages.pasteToken;
import static io.streamhub.server.DashboardPages.streamAndStop;
import static io.streamhub.server.DashboardPages.uniqueUser;
import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard page when the WebSocket cannot connect, on a node configured as in production: an HS256 key, no dev
 * login. Metrics keep coming over Socket.IO long-polling and GET /api/live-data, or over the REST poll alone.
 */
@DisplayName("The dashboard page without a WebSocket, and without dev login")
class DashboardPageFallbackIT {

  private static final String SECRET = "0123456789abcdef0123456789abcdef-page-test";
  private static final StreamhubConfig CONFIG = config(roles("ingress", "replay", "persistence", "dashboard")
      .put("replay", WebApp.fastReplay().put("resume_grace_ms", 200))
      .put("auth", new JsonObject().put("jwt", new JsonObject().put("secret", SECRET))
          .put("dev_login", new JsonObject().put("enabled", false)))
      .put("dashboard", new JsonObject().put("push_interval_ms", 300)));
  private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

  @RegisterExtension
  static final WebApp app = new WebApp(() -> CONFIG);

  private static Vertx signer;
  private static TokenIssuer issuer;

  @BeforeAll
  static void issuer() {
    signer = Vertx.vertx();
    issuer = await(TokenVerifier.create(signer, CONFIG.auth())).issuer().orElseThrow();
  }

  @AfterAll
  static void closeSigner() {
    await(signer.close());
  }

  /** Every WebSocket to /ws is closed before it connects, as by a proxy that refuses upgrades. */
  private static void blockWebSocket(Page page) {
    page.routeWebSocket("**/ws", ws -> ws.close(new WebSocketRoute.CloseOptions().setCode(1011)
        .setReason("blocked by the test")));
  }

  /** The GET /api/live-data answers the page got with a bearer token, as they arrive. */
  private static List<Response> restAnswers(Page page) {
    List<Response> answers = new CopyOnWriteArrayList<>();
    page.onResponse(response -> {
      if (response.url().endsWith("/api/live-data")
          && response.request().allHeaders().getOrDefault("authorization", "").startsWith("Bearer ")) {
        answers.add(response);
      }
    });
    return answers;
  }

  @Test
  @DisplayName("With dev login disabled the page hides the dev-login form and offers only the token form")
  void devLoginHidden() {
    Page page = app.newPage();
    Response status = page.waitForResponse(response -> response.url().endsWith("/api/v1/dev/login"),
        () -> page.navigate(app.url() + "dashboard"));
    assertThat(new JsonObject(status.text()).getBoolean("enabled")).isFalse();
    PlaywrightAssertions.assertThat(page.getByTestId("dev-login-form")).hasAttribute("data-enabled", "false");
    PlaywrightAssertions.assertThat(page.getByTestId("dev-login-form")).isHidden();
    PlaywrightAssertions.assertThat(page.getByTestId("token-form")).isVisible();
    assertThat(app.context().request().post(app.url() + "api/v1/dev/login").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("With the WebSocket blocked the page signs in over long-polling, streams, and shows the REST numbers")
  void pollingFallback() {
    Page page = app.newPage();
    blockWebSocket(page);
    List<Response> rest = restAnswers(page);
    page.navigate(app.url() + "dashboard");
    String user = uniqueUser("poll");
    String token = issuer.issue(user, Duration.ofMinutes(10));
    pasteToken(page, token, user);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Polling fallback", SLOW);
    long streamed = streamAndStop(page, 5);
    assertThat(liveData(app, token).getJsonObject("metrics").getLong("total_predictions")).isEqualTo(streamed);
    assertCardsShow(page, liveData(app, token));
    page.waitForCondition(() -> rest.stream().anyMatch(response -> response.status() == 200));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Polling fallback");
  }

  @Test
  @DisplayName("With the WebSocket and long-polling both blocked (Offline) the page signs in and updates over REST")
  void restOnly() {
    Page page = app.newPage();
    blockWebSocket(page);
    page.route("**/socket.io/**", Route::abort);
    List<Response> rest = restAnswers(page);
    page.navigate(app.url() + "dashboard");
    String user = uniqueUser("rest");
    String token = issuer.issue(user, Duration.ofMinutes(10));
    pasteToken(page, token, user);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline", SLOW);
    PlaywrightAssertions.assertThat(page.getByTestId("last-update")).hasAttribute("data-source", "rest");
    long streamed = DashboardPages.streamFromJava(app, token, 5);
    awaitMetric(page, "total_predictions", streamed);
    assertThat(rest.size()).isGreaterThanOrEqualTo(2);
    assertThat(rest).allSatisfy(response -> assertThat(response.status()).isEqualTo(200));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
  }

  @Test
  @DisplayName("A token the node refuses over REST (WebSocket and polling blocked) signs out with the 401 error")
  void refusedOverRest() {
    Page page = app.newPage();
    blockWebSocket(page);
    page.route("**/socket.io/**", Route::abort);
    page.navigate(app.url() + "dashboard");
    page.getByTestId("token-input").fill(issuer.issue("eve", Duration.ofMinutes(10)) + "x");
    page.getByTestId("token-login").click();
    PlaywrightAssertions.assertThat(page.getByTestId("signin-error")).hasText(
        java.util.regex.Pattern.compile("^unauthorized: .*signature"), SLOW);
    PlaywrightAssertions.assertThat(page.getByTestId("dashboard")).isHidden();
    assertThat(open(app).evaluate("sessionStorage.getItem('dashboard_session')")).isNull();
  }
}
