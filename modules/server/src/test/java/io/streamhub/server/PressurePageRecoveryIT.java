package io.streamhub.server;

import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static io.streamhub.server.PressurePages.SLOW;
import static io.streamhub.server.PressurePages.SLOW_WAIT;
import static io.streamhub.server.PressurePages.api;
import static io.streamhub.server.PressurePages.awaitCounter;
import static io.streamhub.server.PressurePages.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pressure page when the network misbehaves: the WebSocket refused (polling fallback), or dropped while frames or
 * their acknowledgements are lost on the way. Whatever happens, every frame the device made is numbered once by the
 * server, and the chart shows the server's frame numbers with none missing and none twice.
 */
@DisplayName("The pressure page's connection in a real browser")
class PressurePageRecoveryIT {

  @RegisterExtension
  static final WebApp app = new WebApp(() -> config(roles("ingress", "stats", "persistence")));

  /** The device's frames and the server's agree: each frame numbered once, all stored, the chart as the server. */
  private static void assertExactlyOnce(Page page, String workout) {
    long frames = api(app, "api/v1/sessions/" + workout).getLong("frame_count");
    assertThat(counter(page, "count-sent")).as("frames the device made").isEqualTo(frames);
    assertThat(counter(page, "count-acked")).isEqualTo(frames);
    assertThat(counter(page, "count-persisted")).isEqualTo(frames);
    assertThat(counter(page, "last-frame")).isEqualTo(frames);
    PressurePages.assertChartMatchesServer(app, page, workout);
  }

  @Test
  @DisplayName("With the WebSocket blocked the device's frames flow over long-polling, acknowledged and stored")
  void pollingFallback() {
    Page page = app.newPage();
    page.routeWebSocket("**/ws", ws -> ws.close(new WebSocketRoute.CloseOptions().setCode(1011)
        .setReason("blocked by the test")));
    PressurePages.open(app, page, "Polling fallback");
    String workout = PressurePages.newWorkout(page);
    PressurePages.start(page, 10);
    awaitCounter(page, "count-acked", 30);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Polling fallback");
    PressurePages.stopAndSettle(page);
    assertExactlyOnce(page, workout);
    BrowserFixture.screenshot(page, "pressure-polling");
  }

  /**
   * Runs the device over a WebSocket the test controls, loses what {@code lose} says while the device has its 8
   * frames in flight, then drops the connection with the browser offline and brings it back.
   *
   * @param loseAcks true: the server's answers are lost (frames processed, acks never arrive); false: the frames
   *     themselves are lost on the way to the server
   */
  private static Page dropWhileLosing(boolean loseAcks, List<String> errors, AtomicReference<String> workoutId) {
    AtomicReference<WebSocketRoute> current = new AtomicReference<>();
    AtomicBoolean losing = new AtomicBoolean();
    Page page = app.newPage();
    errors.addAll(BrowserFixture.consoleErrors(page));
    page.routeWebSocket("**/ws", ws -> {
      current.set(ws);
      WebSocketRoute server = ws.connectToServer();
      server.onMessage(frame -> {
        if (!(loseAcks && losing.get())) {
          ws.send(frame.text());
        }
      });
      ws.onMessage(frame -> {
        if (!(!loseAcks && losing.get() && frame.text().contains("\"pressure_frame\""))) {
          server.send(frame.text());
        }
      });
    });
    PressurePages.open(app, page, "Live");
    String workout = PressurePages.newWorkout(page);
    workoutId.set(workout);
    PressurePages.start(page, 10);
    awaitCounter(page, "count-acked", 20);
    losing.set(true);
    awaitCounter(page, "count-inflight", 8);
    long acked = counter(page, "last-frame");
    long expected = loseAcks ? acked + 8 : acked;
    page.waitForFunction("async ([id, n]) => (await (await fetch('/api/v1/sessions/' + id)).json()).frame_count >= n",
        List.of(workout, (int) expected), SLOW_WAIT);
    app.context().setOffline(true);
    current.get().close(new WebSocketRoute.CloseOptions().setCode(1011).setReason("network lost in the test"));
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Offline");
    awaitCounter(page, "count-queued", 12);
    losing.set(false);
    BrowserFixture.screenshot(page, loseAcks ? "pressure-offline-acks-lost" : "pressure-offline-frames-lost");
    app.context().setOffline(false);
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText("Live", SLOW);
    PlaywrightAssertions.assertThat(page.getByTestId("session-state")).hasText("active");
    awaitCounter(page, "count-acked", (int) counter(page, "count-sent") + 10);
    PressurePages.stopAndSettle(page);
    return page;
  }

  @Test
  @DisplayName("Acks lost, then the WebSocket dropped: the page re-joins, finds the frames the server processed "
      + "without sending them twice, sends the rest, and the chart runs on without a gap")
  void acksLostThenDropped() {
    List<String> errors = new java.util.ArrayList<>();
    AtomicReference<String> workout = new AtomicReference<>();
    Page page = dropWhileLosing(true, errors, workout);
    assertThat(counter(page, "count-recovered")).as("frames whose ack was lost, found stored").isEqualTo(8);
    assertThat(counter(page, "count-resent")).isZero();
    assertExactlyOnce(page, workout.get());
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("Frames lost on the way, then the WebSocket dropped: the page re-joins, re-sends every frame not "
      + "acknowledged, and the chart runs on without a gap")
  void framesLostThenDropped() {
    List<String> errors = new java.util.ArrayList<>();
    AtomicReference<String> workout = new AtomicReference<>();
    Page page = dropWhileLosing(false, errors, workout);
    assertThat(counter(page, "count-resent")).as("frames re-sent after the reconnect").isEqualTo(8);
    assertThat(counter(page, "count-recovered")).isZero();
    assertExactlyOnce(page, workout.get());
    assertThat(errors).isEmpty();
  }
}
