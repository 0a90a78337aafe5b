package io.streamhub.server;

import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.roles;
import static io.streamhub.server.PressurePages.api;
import static io.streamhub.server.PressurePages.awaitCounter;
import static io.streamhub.server.PressurePages.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pressure page in Debian's headless Chromium against one node with the ingress, stats and persistence roles. */
@DisplayName("The pressure page in a real browser")
class PressurePageIT {

  @RegisterExtension
  static final WebApp app = new WebApp(() -> config(roles("ingress", "stats", "persistence")));

  private static Locator byTestId(Page page, String id) {
    return page.getByTestId(id);
  }

  /** A whole number as the page shows it (the server's JSON numbers are doubles). */
  private static String whole(double value) {
    return String.valueOf(Math.round(value));
  }

  @Test
  @DisplayName("A new workout fed by the simulated device shows the server's numbers, stores every acknowledged "
      + "frame, and ends with the server's summary")
  void deviceRun() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    PressurePages.open(app, page, "Live");
    String workout = PressurePages.newWorkout(page);
    assertThat(page.evaluate("localStorage.getItem('pressure_workout_id')")).isEqualTo(workout);
    PressurePages.start(page, 10);
    awaitCounter(page, "count-acked", 25);
    BrowserFixture.screenshot(page, "pressure-running");
    PressurePages.stopAndSettle(page);

    long frames = api(app, "api/v1/sessions/" + workout).getLong("frame_count");
    assertThat(counter(page, "count-acked")).isEqualTo(frames);
    assertThat(counter(page, "count-sent")).isEqualTo(frames);
    assertThat(counter(page, "count-persisted")).isEqualTo(frames);
    assertThat(counter(page, "last-frame")).isEqualTo(frames);
    assertThat(counter(page, "count-refused")).isZero();
    PlaywrightAssertions.assertThat(byTestId(page, "ack-state")).hasText("all " + frames + " frames acknowledged");
    PlaywrightAssertions.assertThat(byTestId(page, "persist-state"))
        .hasText("all " + frames + " acknowledged frames stored");

    JsonObject last = PressurePages.storedFrames(app, workout, 1).get(0);
    JsonObject stats = last.getJsonObject("stats");
    JsonObject max = stats.getJsonObject("max");
    PlaywrightAssertions.assertThat(byTestId(page, "stat-frame")).hasText("#" + frames);
    PlaywrightAssertions.assertThat(byTestId(page, "stat-sum")).hasText(whole(stats.getDouble("sum")));
    PlaywrightAssertions.assertThat(byTestId(page, "stat-contact"))
        .hasText(Pattern.compile("^" + stats.getInteger("contact_area") + " cells"));
    String text = "Frame " + frames + ": peak " + whole(max.getDouble("value")) + " at row " + max.getInteger("row")
        + ", col " + max.getInteger("col") + "; contact " + stats.getInteger("contact_area") + " cells.";
    PlaywrightAssertions.assertThat(byTestId(page, "heatmap-text")).hasText(text);
    PlaywrightAssertions.assertThat(byTestId(page, "heatmap")).hasAttribute("aria-label", "Pressure heatmap. " + text);
    assertThat(((Number) page.evaluate("() => { const c = document.getElementById('heatmap');"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
        + " for (let i = 0; i < d.length; i += 4) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); return seen.size; }"))
        .intValue()).as("colours on the heatmap").isGreaterThan(5);
    PressurePages.assertChartMatchesServer(app, page, workout);
    assertThat(((Number) page.evaluate("() => Chart.getChart('series').data.datasets[0].data.at(-1)")).doubleValue())
        .as("the chart's last sum").isEqualTo(stats.getDouble("sum"));

    byTestId(page, "end-workout").click();
    PlaywrightAssertions.assertThat(byTestId(page, "summary")).isVisible();
    PlaywrightAssertions.assertThat(byTestId(page, "session-state")).hasText("ended");
    JsonObject session = api(app, "api/v1/sessions/" + workout);
    assertThat(session.getString("status")).isEqualTo("ended");
    JsonObject summary = session.getJsonObject("summary");
    PlaywrightAssertions.assertThat(byTestId(page, "summary-frames")).hasText(String.valueOf(frames));
    PlaywrightAssertions.assertThat(byTestId(page, "summary-peak")).hasText(whole(summary.getDouble("peak_pressure"))
        + " (frame " + summary.getLong("peak_frame") + ")");
    PlaywrightAssertions.assertThat(byTestId(page, "stored-workout").first()).hasAttribute("data-workout-id", workout);
    PlaywrightAssertions.assertThat(byTestId(page, "stored-workout").first())
        .hasText(Pattern.compile("^" + workout + " · ended · " + frames + " frames"));
    BrowserFixture.screenshot(page, "pressure-ended");
    BrowserFixture.assertAccessibleAtPhoneWidth(page);
    BrowserFixture.screenshot(page, "pressure-ended-phone");
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("A stored workout chosen from the list with the keyboard shows its frames; it is remembered across a "
      + "reload")
  void chooseStoredWorkout() {
    String workout = "w-page-stored";
    assertThat(app.context().request().post(app.url() + "api/v1/sessions/" + workout).status()).isEqualTo(200);
    postFrames(workout, 2, 3);

    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    PressurePages.open(app, page, "Live");
    Locator stored = page.locator("[data-testid=stored-workout][data-workout-id=" + workout + "]");
    PlaywrightAssertions.assertThat(stored).hasText(Pattern.compile("^" + workout + " · active · 3 frames"));
    stored.focus();
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "current-workout")).hasText(workout);
    PlaywrightAssertions.assertThat(byTestId(page, "session-frames")).hasText("3");
    page.waitForFunction("() => Chart.getChart('series').data.labels.length === 3");
    assertThat(PressurePages.chartFrames(page)).containsExactly(1L, 2L, 3L);
    PlaywrightAssertions.assertThat(byTestId(page, "stat-sum")).hasText("18");
    PlaywrightAssertions.assertThat(byTestId(page, "heatmap-text"))
        .hasText("Frame 3: peak 9 at row 1, col 1; contact 3 cells.");
    assertThat(page.evaluate("localStorage.getItem('pressure_workout_id')")).isEqualTo(workout);

    page.reload();
    PlaywrightAssertions.assertThat(byTestId(page, "current-workout")).hasText(workout);
    PlaywrightAssertions.assertThat(byTestId(page, "workout-id")).hasValue(workout);
    PlaywrightAssertions.assertThat(byTestId(page, "session-state")).hasText("active");
    assertThat(errors).isEmpty();
  }

  /** Frames i = 1..3 as another device would send them over HTTP: {@code [[i, a·i], [0, b·i]]}. */
  private static void postFrames(String workout, int a, int b) {
    JsonArray batch = new JsonArray();
    for (int i = 1; i <= 3; i++) {
      batch.add(PressureNodeIT.frame(workout, new JsonArray().add(new JsonArray().add(i).add(a * i))
          .add(new JsonArray().add(0).add(b * i))));
    }
    assertThat(app.context().request().post(app.url() + "api/v1/sessions/" + workout + "/frames",
        com.microsoft.playwright.options.RequestOptions.create().setData(batch.encode())
            .setHeader("content-type", "application/json")).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Frames another device sends into the open workout arrive live through the workout's room")
  void otherDeviceFrames() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    PressurePages.open(app, page, "Live");
    String workout = PressurePages.newWorkout(page);
    postFrames(workout, 0, 4);
    page.waitForFunction("() => Chart.getChart('series').data.labels.length === 3");
    assertThat(PressurePages.chartFrames(page)).containsExactly(1L, 2L, 3L);
    PlaywrightAssertions.assertThat(byTestId(page, "stat-sum")).hasText("15");
    PlaywrightAssertions.assertThat(byTestId(page, "heatmap-text"))
        .hasText("Frame 3: peak 12 at row 1, col 1; contact 2 cells.");
    PlaywrightAssertions.assertThat(byTestId(page, "heatmap-scale")).hasText("12");
    assertThat(counter(page, "count-sent")).as("the page's own device sent nothing").isZero();
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("An invalid workout id shows an error naming what is wrong and opens nothing; a valid one is created")
  void invalidWorkoutId() {
    Page page = app.newPage();
    List<String> errors = BrowserFixture.consoleErrors(page);
    PressurePages.open(app, page, "Live");
    Locator input = byTestId(page, "workout-id");
    Locator error = byTestId(page, "workout-error");
    input.fill("bad id!");
    input.press("Enter");
    PlaywrightAssertions.assertThat(error).isVisible();
    PlaywrightAssertions.assertThat(error).hasText("Workout id may contain only letters, digits, _ and -; it contains "
        + "space, “!”.");
    PlaywrightAssertions.assertThat(input).hasAttribute("aria-invalid", "true");
    input.fill("w".repeat(65));
    byTestId(page, "open-workout").click();
    PlaywrightAssertions.assertThat(error).hasText("Workout id is 65 characters long; at most 64 are allowed.");
    input.fill("");
    input.press("Enter");
    PlaywrightAssertions.assertThat(error).hasText(Pattern.compile("^Workout id is required"));
    PlaywrightAssertions.assertThat(byTestId(page, "current-workout")).hasText("none");
    PlaywrightAssertions.assertThat(byTestId(page, "device-start")).isDisabled();
    assertThat(page.evaluate("localStorage.getItem('pressure_workout_id')")).isNull();
    input.fill("w-fine_1");
    input.press("Enter");
    PlaywrightAssertions.assertThat(error).isHidden();
    PlaywrightAssertions.assertThat(input).hasAttribute("aria-invalid", "false");
    PlaywrightAssertions.assertThat(byTestId(page, "current-workout")).hasText("w-fine_1");
    PlaywrightAssertions.assertThat(byTestId(page, "session-state")).hasText("active");
    BrowserFixture.screenshot(page, "pressure-invalid-then-new");
    assertThat(errors).isEmpty();
  }

  /** Presses Tab until the element with this data-testid has the focus (at most 40 times). */
  private static void tabTo(Page page, String id) {
    for (int i = 0; i < 40; i++) {
      page.keyboard().press("Tab");
      if (id.equals(page.evaluate("document.activeElement && document.activeElement.dataset.testid"))) {
        return;
      }
    }
    throw new AssertionError(id + " cannot be reached with Tab");
  }

  /** The data-testids of the elements Tab visits from the top of the page, in order. */
  private static List<Object> tabOrder(Page page) {
    page.evaluate("document.activeElement && document.activeElement.blur()");
    page.evaluate("window.scrollTo(0, 0)");
    List<Object> order = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      page.keyboard().press("Tab");
      order.add(page.evaluate("document.activeElement.dataset.testid || document.activeElement.id"));
    }
    return order;
  }

  @Test
  @DisplayName("A keyboard user reaches every control in order, creates a workout, runs and stops the device and "
      + "ends the workout")
  void keyboardOnly() {
    Page page = app.newPage();
    PressurePages.open(app, page, "Live");
    assertThat(tabOrder(page)).startsWith("nav-stream", "nav-monitor", "nav-pressure", "nav-dashboard", "workout-id",
        "open-workout", "new-workout", "device-rate", "refresh-stored");
    tabTo(page, "new-workout");
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "session-state")).hasText("active");
    assertThat(tabOrder(page)).containsSubsequence("new-workout", "end-workout", "device-start", "device-rate",
        "refresh-stored", "stored-workout");
    tabTo(page, "device-start");
    page.keyboard().press("Enter");
    awaitCounter(page, "count-acked", 5);
    assertThat(tabOrder(page)).containsSubsequence("end-workout", "device-stop", "device-rate");
    tabTo(page, "device-stop");
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "device-state")).hasText(Pattern.compile("^stopped"));
    tabTo(page, "end-workout");
    page.keyboard().press("Enter");
    PlaywrightAssertions.assertThat(byTestId(page, "summary")).isVisible();
    PlaywrightAssertions.assertThat(byTestId(page, "session-state")).hasText("ended");
  }
}
