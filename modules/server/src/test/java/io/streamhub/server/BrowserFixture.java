package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.streamhub.server.sio.SioClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, for the web app's ITs: one browser per test class, a fresh context
 * per test, console errors collected per page, a full-page screenshot of every open page under
 * {@code target/screenshots/} when a test ends, and axe-core's accessibility check.
 */
final class BrowserFixture implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync");
  /** axe-core's rules for WCAG 2.0/2.1 A and AA. */
  private static final String AXE_RUN = "() => axe.run(document, {runOnly: {type: 'tag', values: "
      + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(result => JSON.stringify(result.violations.map(v => "
      + "({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))))";

  private final Playwright playwright;
  private final Browser browser;

  private BrowserFixture(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Launches Chromium; skips the test class (fails under {@code CI=true}) when it is not installed. */
  static BrowserFixture launch() {
    require(Files.isExecutable(CHROMIUM), CHROMIUM + " missing: run the \"test dependencies\" step of .ci/run "
        + "(`apt-get install -y --no-install-recommends chromium`)");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
        .setHeadless(true).setArgs(ARGS));
    return new BrowserFixture(playwright, browser);
  }

  /** Skips the test when something it needs is not installed here; fails under {@code CI=true}, which installs it. */
  private static void require(boolean installed, String message) {
    if (installed) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  BrowserContext newContext() {
    return browser.newContext();
  }

  /** Saves a full-page screenshot of each page of the context: {@code name.png}, {@code name-tab2.png}, ... */
  static void screenshots(BrowserContext context, String name) {
    List<Page> pages = context.pages();
    for (int i = 0; i < pages.size(); i++) {
      screenshot(pages.get(i), name + (i == 0 ? "" : "-tab" + (i + 1)));
    }
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  /** Collects the page's console errors and uncaught exceptions from now on. */
  static List<String> consoleErrors(Page page) {
    List<String> errors = new ArrayList<>();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type())) {
        errors.add(message.text());
      }
    });
    page.onPageError(errors::add);
    return errors;
  }

  /**
   * Runs axe-core (npm, installed with the test clients) on the page as it is now and returns its WCAG A/AA
   * violations as {@code {id, help, nodes}}; skips the test (fails under {@code CI=true}) when axe-core is missing.
   */
  static List<JsonObject> accessibilityViolations(Page page) {
    Path axe = SioClients.dir().resolve("node_modules/axe-core/axe.min.js");
    require(Files.isRegularFile(axe), axe + " missing: run `npm ci --prefix modules/server/src/test/clients`");
    try {
      page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(axe)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonArray violations = new JsonArray((String) page.evaluate(AXE_RUN));
    return violations.stream().map(JsonObject.class::cast).toList();
  }

  /** The page has no WCAG A/AA violation and nothing wider than its viewport (checked at a phone's 390 px too). */
  static void assertAccessibleAtPhoneWidth(Page page) {
    assertThat(accessibilityViolations(page)).as("axe-core violations at %s", page.viewportSize().width).isEmpty();
    page.setViewportSize(390, 800);
    // Chart.js resizes its canvas on the next ResizeObserver callback; then nothing is wider than a phone.
    page.waitForFunction("document.documentElement.scrollWidth <= window.innerWidth");
    assertThat(accessibilityViolations(page)).as("axe-core violations at 390 px").isEmpty();
  }

  @Override
  public void close() {
    playwright.close();
  }
}
