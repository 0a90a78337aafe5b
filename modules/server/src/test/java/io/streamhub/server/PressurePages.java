package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/** What the pressure page's browser tests share: driving the page, reading what it shows and what the server has. */
final class PressurePages {

  /** For waits that span a reconnect's backoff or the polling fallback. */
  static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(45_000);
  static final Page.WaitForFunctionOptions SLOW_WAIT = new Page.WaitForFunctionOptions().setTimeout(45_000)
      .setPollingInterval(100);

  private PressurePages() {
  }

  /** Opens the page and waits until its badge reads {@code badge}. */
  static void open(WebApp app, Page page, String badge) {
    page.navigate(app.url() + "pressure");
    PlaywrightAssertions.assertThat(page.getByTestId("badge")).hasText(badge, SLOW);
  }

  /** Clicks "New workout" and returns its id once the session is active. */
  static String newWorkout(Page page) {
    page.getByTestId("new-workout").click();
    PlaywrightAssertions.assertThat(page.getByTestId("session-state")).hasText("active", SLOW);
    String id = page.getByTestId("current-workout").textContent();
    assertThat(id).matches("workout-[0-9a-f]{8}");
    return id;
  }

  /** Sets the rate and starts the simulated device. */
  static void start(Page page, int rateHz) {
    page.getByTestId("device-rate").fill(String.valueOf(rateHz));
    page.getByTestId("device-start").click();
    PlaywrightAssertions.assertThat(page.getByTestId("device-state")).hasText(Pattern.compile("^running"));
  }

  static long counter(Page page, String testId) {
    return Long.parseLong(page.getByTestId(testId).textContent());
  }

  /** Waits until the counter shows at least {@code atLeast}. */
  static void awaitCounter(Page page, String testId, int atLeast) {
    page.waitForFunction("([id, n]) => Number(document.querySelector(`[data-testid=\"${id}\"]`).textContent) >= n",
        List.of(testId, atLeast), SLOW_WAIT);
  }

  /** Stops the device and waits until nothing is queued or in flight and every acknowledged frame is stored. */
  static void stopAndSettle(Page page) {
    page.getByTestId("device-stop").click();
    page.waitForFunction("() => { const n = (id) => Number(document.querySelector(`[data-testid=\"${id}\"]`)"
        + ".textContent); return n('count-inflight') === 0 && n('count-queued') === 0 && n('count-waiting') === 0"
        + " && n('count-persisted') === n('count-acked'); }", null, SLOW_WAIT);
  }

  /** The frame numbers on the time-series chart, in order. */
  static List<Long> chartFrames(Page page) {
    List<?> labels = (List<?>) page.evaluate("() => Chart.getChart('series').data.labels");
    return labels.stream().map(label -> ((Number) label).longValue()).toList();
  }

  /** A JSON answer of the node's HTTP API, asserting 200. */
  static JsonObject api(WebApp app, String path) {
    APIResponse response = app.context().request().get(app.url() + path);
    assertThat(response.status()).as("GET %s: %s", path, response.text()).isEqualTo(200);
    return new JsonObject(response.text());
  }

  /** The workout's newest {@code limit} stored frames, oldest first. */
  static List<JsonObject> storedFrames(WebApp app, String workout, int limit) {
    List<JsonObject> frames = new ArrayList<>(api(app, "api/v1/sessions/" + workout + "/frames?limit=" + limit)
        .getJsonArray("frames").stream().map(JsonObject.class::cast).toList());
    Collections.reverse(frames);
    return frames;
  }

  static List<Long> numbers(List<JsonObject> frames) {
    return frames.stream().map(frame -> frame.getLong("frame")).toList();
  }

  /**
   * The chart shows the last frames of the workout exactly as the server numbered and stored them: each number once,
   * none missing, up to the session's count.
   */
  static void assertChartMatchesServer(WebApp app, Page page, String workout) {
    long count = api(app, "api/v1/sessions/" + workout).getLong("frame_count");
    List<Long> shown = chartFrames(page);
    assertThat(shown).as("chart frames").isNotEmpty().doesNotHaveDuplicates().endsWith(count);
    for (int i = 1; i < shown.size(); i++) {
      assertThat(shown.get(i)).as("chart frame after %d", shown.get(i - 1)).isEqualTo(shown.get(i - 1) + 1);
    }
    assertThat(shown).isEqualTo(numbers(storedFrames(app, workout, shown.size())));
    assertThat(shown.size()).isEqualTo((int) Math.min(120, count));
  }
}
