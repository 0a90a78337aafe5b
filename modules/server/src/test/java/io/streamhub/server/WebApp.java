package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.streamhub.contracts.config.StreamhubConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A node serving the web app and a headless Chromium for one test class, with a fresh browser context per test whose
 * pages are screenshotted when the test ends. Every test also checks that its pages requested nothing from another
 * origin: the web app works offline, with no CDN.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WebApp app = new WebApp(() -> config(roles("ingress", "replay", "persistence")));
 * ...
 * Page page = app.newPage();
 * page.navigate(app.url() + "monitor");
 * }</pre>
 */
final class WebApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private final Supplier<StreamhubConfig> config;
  private BrowserFixture browser;
  private Node node;
  private BrowserContext context;
  private final List<String> foreignRequests = new CopyOnWriteArrayList<>();

  WebApp(Supplier<StreamhubConfig> config) {
    this.config = config;
  }

  @Override
  public void beforeAll(ExtensionContext extension) {
    browser = BrowserFixture.launch();
    node = NodeFixture.start(config.get());
  }

  @Override
  public void afterAll(ExtensionContext extension) {
    if (browser != null) {
      browser.close();
    }
    if (node != null) {
      await(node.close());
    }
  }

  @Override
  public void beforeEach(ExtensionContext extension) {
    context = browser.newContext();
    foreignRequests.clear();
    context.onRequest(request -> {
      if (!request.url().startsWith(url()) && !request.url().startsWith("data:") && !request.url().startsWith("blob:")) {
        foreignRequests.add(request.url());
      }
    });
  }

  @Override
  public void afterEach(ExtensionContext extension) {
    BrowserFixture.screenshots(context,
        extension.getRequiredTestClass().getSimpleName() + "-" + extension.getRequiredTestMethod().getName());
    context.close();
    assertThat(foreignRequests).as("requests to other origins (the web app must work offline, without a CDN)").isEmpty();
  }

  /** Replay config for browser tests: a row every 20–40 ms, so a test sees dozens of rows in a second. */
  static JsonObject fastReplay() {
    return new JsonObject().put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40));
  }

  Node node() {
    return node;
  }

  /** The node's base URL, ending in {@code /}. */
  String url() {
    return "http://127.0.0.1:" + node.httpPort() + "/";
  }

  /** This test's browser context (one per test: its own localStorage, cookies and pages). */
  BrowserContext context() {
    return context;
  }

  Page newPage() {
    return context.newPage();
  }
}
