package io.streamhub.server;

import static io.streamhub.server.DashboardPages.devLogin;
import static io.streamhub.server.DashboardPages.liveData;
import static io.streamhub.server.DashboardPages.open;
import static io.streamhub.server.DashboardPages.token;
import static io.streamhub.server.DashboardPages.uniqueUser;
import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenVerifier;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard page when the server says a token is expiring: with {@code auth.expiring_notice_s} longer than a
 * dev-login token lives, {@code expiring} arrives as soon as a connection authenticates.
 */
@DisplayName("The dashboard page when its token is expiring")
class DashboardPageRenewalIT {

  private static final StreamhubConfig CONFIG = config(roles("ingress", "persistence", "dashboard")
      .put("auth", new JsonObject().put("expiring_notice_s", 7200))
      .put("dashboard", new JsonObject().put("push_interval_ms", 300)));
  private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

  @RegisterExtension
  static final WebApp app = new WebApp(() -> CONFIG);

  @Test
  @DisplayName("A dev-login session gets a new token from the dev login and hands it to the live connection")
  void devLoginRenews() {
    Page page = open(app);
    List<String> errors = BrowserFixture.consoleErrors(page);
    String user = uniqueUser("renew");
    devLogin(page, user);
    String first = token(page);
    long firstExpiry = ((Number) page.evaluate("JSON.parse(sessionStorage.getItem('dashboard_session')).expires_at"))
        .longValue();
    PlaywrightAssertions.assertThat(page.getByTestId("token-notice")).hasText(Pattern.compile("^Token renewed"), SLOW);
    String renewed = token(page);
    assertThat(renewed).isNotEqualTo(first);
    long renewedExpiry = ((Number) page.evaluate(
        "JSON.parse(sessionStorage.getItem('dashboard_session')).expires_at")).longValue();
    assertThat(renewedExpiry).isGreaterThan(firstExpiry);
    assertThat(liveData(app, renewed).getString("user_id")).isEqualTo(user);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live");
    PlaywrightAssertions.assertThat(page.getByTestId("error")).isHidden();
    String before = page.getByTestId("last-update").getAttribute("datetime");
    page.getByTestId("refresh").click();
    PlaywrightAssertions.assertThat(page.getByTestId("last-update")).not().hasAttribute("datetime", before);
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("A pasted token cannot be renewed by the page: it tells the user when it expires")
  void pastedTokenWarns() {
    Page page = open(app);
    String user = uniqueUser("warn");
    String token = await(TokenVerifier.create(app.node().vertx(), CONFIG.auth())).issuer().orElseThrow()
        .issue(user, Duration.ofMinutes(10));
    DashboardPages.pasteToken(page, token, user);
    PlaywrightAssertions.assertThat(page.getByTestId("token-notice"))
        .hasText(Pattern.compile("^Your token expires in \\d+ s: sign out and paste a new one\\.$"));
    assertThat(token(page)).isEqualTo(token);
  }
}
