package io.streamhub.server;

import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web app's connection in a real browser when the network misbehaves: the WebSocket refused, or dropped in the
 * middle of a stream. Whatever happens, the rows the page shows stay contiguous: none missing, none twice.
 */
@DisplayName("The web app's connection in a real browser")
class WebAppConnectionIT {

  /** Records the seq of every row the page adds to its table, in order. */
  private static final String RECORD_SEQS = "window.seenSeqs = [];"
      + "new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {"
      + "  if (node.dataset && node.dataset.seq) window.seenSeqs.push(Number(node.dataset.seq));"
      + "}))).observe(document, {childList: true, subtree: true});";
  private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(45_000);

  @RegisterExtension
  static final WebApp app = new WebApp(() -> config(roles("ingress", "replay", "persistence").put("replay", WebApp.fastReplay())));

  private static int seq(Page page) {
    return Integer.parseInt(page.getByTestId("seq").textContent());
  }

  /** Waits until the page shows at least {@code seq} rows streamed. */
  private static void awaitSeq(Page page, int seq) {
    page.waitForFunction("n => Number(document.querySelector('[data-testid=seq]').textContent) >= n", seq);
  }

  /** Every row the page added, in order, follows the one before it. */
  private static void assertContiguous(Page page) {
    List<?> seen = (List<?>) page.evaluate("window.seenSeqs");
    List<Long> seqs = seen.stream().map(value -> ((Number) value).longValue()).toList();
    assertThat(seqs).isNotEmpty();
    for (int i = 1; i < seqs.size(); i++) {
      assertThat(seqs.get(i)).as("row after seq %d", seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
    }
  }

  @Test
  @DisplayName("With the WebSocket blocked the page falls back to long-polling; unblocked, it goes live with no seq missing")
  void pollingFallback() {
    AtomicBoolean blocked = new AtomicBoolean(true);
    Page page = app.newPage();
    page.routeWebSocket("**/ws", ws -> {
      if (blocked.get()) {
        ws.close(new WebSocketRoute.CloseOptions().setCode(1011).setReason("blocked by the test"));
      } else {
        ws.connectToServer();
      }
    });
    page.addInitScript(RECORD_SEQS);
    page.navigate(app.url());
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Polling fallback", SLOW);
    awaitSeq(page, 5);
    awaitSeq(page, seq(page) + 10);
    blocked.set(false);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live", SLOW);
    awaitSeq(page, seq(page) + 10);
    assertContiguous(page);
  }

  @Test
  @DisplayName("A live WebSocket dropped mid-stream while the browser goes offline: Offline, then Live and resumed with no row missing")
  void dropMidStream() {
    AtomicReference<WebSocketRoute> current = new AtomicReference<>();
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    page.routeWebSocket("**/ws", ws -> {
      current.set(ws);
      ws.connectToServer();
    });
    page.addInitScript(RECORD_SEQS);
    page.navigate(app.url());
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live");
    PlaywrightAssertions.assertThat(page.getByTestId("state")).hasText("started");
    awaitSeq(page, 10);
    app.context().setOffline(true);
    current.get().close(new WebSocketRoute.CloseOptions().setCode(1011).setReason("network lost in the test"));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    int atDrop = seq(page);
    app.context().setOffline(false);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live", SLOW);
    PlaywrightAssertions.assertThat(page.getByTestId("state")).hasText("resumed");
    awaitSeq(page, atDrop + 20);
    assertContiguous(page);
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("While nothing connects, WebSocket attempts are spaced about 1 s, 2 s, 4 s apart and the badge reads Offline")
  void retriesDouble() {
    Page page = app.newPage();
    page.routeWebSocket("**/ws", ws -> ws.close(new WebSocketRoute.CloseOptions().setCode(1011).setReason("blocked")));
    page.route("**/socket.io/**", Route::abort);
    page.addInitScript("window.wsAttempts = []; const RealWebSocket = window.WebSocket;"
        + "window.WebSocket = function (url, protocols) { window.wsAttempts.push(performance.now());"
        + "  return new RealWebSocket(url, protocols); };"
        + "Object.assign(window.WebSocket, RealWebSocket); window.WebSocket.prototype = RealWebSocket.prototype;");
    page.navigate(app.url());
    page.waitForFunction("() => window.wsAttempts.length >= 4", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    List<Double> attempts = ((List<?>) page.evaluate("window.wsAttempts")).stream()
        .map(at -> ((Number) at).doubleValue()).toList();
    for (int retry = 1; retry <= 3; retry++) {
      double base = 1000 * Math.pow(2, retry - 1);
      assertThat(attempts.get(retry) - attempts.get(retry - 1)).as("wait before retry %d", retry)
          .isBetween(0.8 * base, 1.2 * base + 1000);
    }
  }

  @Test
  @DisplayName("The reconnect wait doubles from 1 s and stops growing at 30 s, each wait with ±20 % jitter")
  void backoffSchedule() {
    Page page = app.newPage();
    page.navigate(app.url());
    List<?> waits = (List<?>) page.evaluate("() => import('/assets/connection.js').then(connection => "
        + "[1, 2, 3, 5, 6, 7, 12].map(failures => Array.from({length: 200}, () => connection.backoffMs(failures))))");
    int[] failures = {1, 2, 3, 5, 6, 7, 12};
    for (int i = 0; i < failures.length; i++) {
      double base = Math.min(30_000, 1000 * Math.pow(2, failures[i] - 1));
      List<Double> samples = ((List<?>) waits.get(i)).stream().map(ms -> ((Number) ms).doubleValue()).toList();
      assertThat(samples).as("waits after %d failures", failures[i]).allMatch(ms -> ms >= 0.8 * base && ms <= 1.2 * base)
          .anyMatch(ms -> ms < 0.9 * base).anyMatch(ms -> ms > 1.1 * base);
    }
  }
}
