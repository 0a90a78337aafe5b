package io.streamhub.server;

import static io.streamhub.server.NodeFixture.await;
import static io.streamhub.server.NodeFixture.config;
import static io.streamhub.server.NodeFixture.get;
import static io.streamhub.server.NodeFixture.roles;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replay streams on one node, over real WebSockets")
class ReplayNodeIT {

  private Vertx client;
  private WebClient web;
  private Node node;
  private int port;

  @BeforeEach
  void start() {
    client = Vertx.vertx();
    web = WebClient.create(client);
    JsonObject replay = new JsonObject()
        .put("delay", new JsonObject().put("min_ms", 20).put("max_ms", 40))
        .put("resume_grace_ms", 400)
        .put("datasets", new JsonObject().put("broken", new JsonObject()
            .put("file", "/nonexistent/streamhub/missing.csv").put("event", "row")));
    node = NodeFixture.start(config(roles("ingress", "replay", "persistence").put("replay", replay)));
    port = node.httpPort();
  }

  @AfterEach
  void stop() {
    await(node.close());
    await(client.close());
  }

  static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** Reads rows until {@code untilSeq}; they must continue {@code afterSeq} with no gap and no duplicate. */
  static void readContiguous(ReplayTab tab, long afterSeq, long untilSeq) {
    List<Long> seen = new ArrayList<>();
    while (seen.isEmpty() || seen.get(seen.size() - 1) < untilSeq) {
      seen.addAll(tab.predictions(1));
    }
    assertThat(seen).isEqualTo(range(afterSeq + 1, untilSeq));
  }

  JsonObject status(String visitor) {
    return get(web, port, "/api/v1/streams/" + visitor).bodyAsJsonObject();
  }

  /** Polls an HTTP resource every 50 ms (on Vert.x timers) until the predicate holds, for at most 10 s. */
  JsonObject pollUntil(String path, Predicate<JsonObject> done) {
    for (int i = 0; i < 200; i++) {
      HttpResponse<Buffer> response = get(web, port, path);
      if (response.statusCode() == 200 && done.test(response.bodyAsJsonObject())) {
        return response.bodyAsJsonObject();
      }
      await(client.timer(50));
    }
    throw new AssertionError(path + " never reached the expected state");
  }

  @Test
  @DisplayName("two tabs of one visitor share one stream: the second joins at the current seq and both get every later row")
  void tabsShareOneStream() {
    try (ReplayTab a = ReplayTab.open(client, port); ReplayTab b = ReplayTab.open(client, port)) {
      JsonObject started = a.join("v-share");
      assertThat(started.getString("event")).isEqualTo("stream_started");
      assertThat(started.getString("dataset")).isEqualTo("transactions");
      assertThat(started.getLong("total")).isEqualTo(1200);
      assertThat(a.predictions(3)).isEqualTo(range(1, 3));

      JsonObject joined = b.join("v-share");
      assertThat(joined.getString("event")).isEqualTo("joined_existing_stream");
      assertThat(joined.getString("stream_id")).isEqualTo(started.getString("stream_id"));
      long at = joined.getLong("seq");
      assertThat(at).isGreaterThanOrEqualTo(3);
      assertThat(b.predictions(3)).isEqualTo(range(at + 1, at + 3));
      readContiguous(a, 3, at + 3);
    }
  }

  @Test
  @DisplayName("a prediction carries the joined row, its score and is_fraud")
  void predictionPayload() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      a.join("v-payload");
      JsonObject frame = a.next();
      JsonObject data = frame.getJsonObject("data");
      assertThat(data.getJsonObject("row").getLong("TransactionID")).isNotNull();
      assertThat(data.getJsonObject("row").fieldNames()).contains("DeviceType", "id_01", "C14", "M9");
      assertThat(data.getDouble("score")).isBetween(0.0, 1.0);
      assertThat(data.getBoolean("is_fraud")).isNotNull();
      assertThat(data.getLong("ts")).isPositive();
    }
  }

  @Test
  @DisplayName("a reload (join without resume, no other tab) gets a fresh stream from row 1")
  void reloadStartsFresh() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      String first = a.join("v-reload").getString("stream_id");
      a.predictions(2);
      assertThat(a.request("leave_stream", new JsonObject().put("visitor_id", "v-reload")).getString("event"))
          .isEqualTo("ack");
      JsonObject again = a.join("v-reload");
      assertThat(again.getString("event")).isEqualTo("stream_started");
      assertThat(again.getString("stream_id")).isNotEqualTo(first);
      assertThat(a.predictions(1)).containsExactly(1L);
    }
  }

  @Test
  @DisplayName("a tab reconnecting within the grace period resumes: missed rows first, then live, no gap, no duplicate")
  void resumeWithoutGap() {
    String streamId;
    try (ReplayTab a = ReplayTab.open(client, port)) {
      streamId = a.join("v-resume").getString("stream_id");
      assertThat(a.predictions(5)).isEqualTo(range(1, 5));
    }
    try (ReplayTab b = ReplayTab.open(client, port)) {
      JsonObject resumed = b.join(new JsonObject().put("visitor_id", "v-resume")
          .put("resume", new JsonObject().put("stream_id", streamId).put("after_seq", 5)));
      assertThat(resumed.getString("event")).isEqualTo("stream_resumed");
      assertThat(resumed.getString("stream_id")).isEqualTo(streamId);
      assertThat(resumed.getLong("seq")).isEqualTo(5);
      readContiguous(b, 5, 12);
    }
  }

  @Test
  @DisplayName("when the last tab leaves the stream stops, and after the grace period its status is inactive")
  void lastTabLeaves() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      a.join("v-leave");
      a.predictions(2);
    }
    JsonObject ended = pollUntil("/api/v1/streams/v-leave", s -> !s.getBoolean("is_active"));
    long streamed = ended.getLong("streamed");
    assertThat(ended.getInteger("tabs")).isZero();
    await(client.timer(200));
    assertThat(status("v-leave").getLong("streamed")).isEqualTo(streamed);
  }

  @Test
  @DisplayName("the status API reports the stream, pages its stored events newest first, and DELETE stops and clears it")
  void statusEventsDelete() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      String streamId = a.join("v-rest").getString("stream_id");
      a.predictions(5);
      JsonObject status = status("v-rest");
      assertThat(status.getString("stream_id")).isEqualTo(streamId);
      assertThat(status.getString("dataset")).isEqualTo("transactions");
      assertThat(status.getLong("total")).isEqualTo(1200);
      assertThat(status.getLong("streamed")).isGreaterThanOrEqualTo(5);
      assertThat(status.getDouble("progress_percentage")).isPositive();
      assertThat(status.getBoolean("is_active")).isTrue();
      assertThat(status.getBoolean("paused")).isFalse();
      assertThat(status.getInteger("tabs")).isEqualTo(1);
      assertThat(status.getLong("skipped_rows")).isZero();

      JsonObject page = pollUntil("/api/v1/streams/v-rest/events?limit=3&offset=1",
          p -> p.getJsonArray("events").size() == 3);
      List<Long> seqs = page.getJsonArray("events").stream().map(e -> ((JsonObject) e).getLong("seq")).toList();
      assertThat(seqs).isSortedAccordingTo((x, y) -> Long.compare(y, x)).doesNotHaveDuplicates();

      assertThat(get(web, port, "/api/v1/streams/v-rest/events?limit=1001").statusCode()).isEqualTo(400);
      assertThat(get(web, port, "/api/v1/streams/nobody-ever/events").bodyAsJsonObject().getJsonArray("events"))
          .isEmpty();
      HttpResponse<Buffer> unknown = get(web, port, "/api/v1/streams/nobody-ever");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");

      HttpResponse<Buffer> deleted = await(web.delete(port, "127.0.0.1", "/api/v1/streams/v-rest").send());
      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(deleted.bodyAsJsonObject().getBoolean("stopped")).isTrue();
      JsonObject frame;
      do {
        frame = a.next();
      } while (!"stream_complete".equals(frame.getString("event")));
      assertThat(frame.getJsonObject("data").getString("reason")).isEqualTo("stopped");
      assertThat(get(web, port, "/api/v1/streams/v-rest/events").bodyAsJsonObject().getJsonArray("events")).isEmpty();
    }
  }

  @Test
  @DisplayName("bad replay requests get an error naming the problem, and the connection stays usable")
  void badRequests() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      assertError(a.request("join_stream", new JsonObject().put("visitor_id", "not valid!")), "invalid_field",
          "visitor_id");
      assertError(a.request("join_stream", new JsonObject()), "invalid_field", "visitor_id");
      assertError(a.request("join_stream", new JsonObject().put("visitor_id", "x".repeat(65))), "invalid_field",
          "64");
      assertError(a.request("join_stream", new JsonObject().put("visitor_id", "v-bad").put("dataset", "nope")),
          "unknown_dataset", "nope");
      assertError(a.request("stream_control", new JsonObject().put("visitor_id", "v-bad").put("action", "pause")),
          "not_joined", "v-bad");
      assertError(a.request("stream_control", new JsonObject().put("visitor_id", "v-bad").put("action", "fly")),
          "invalid_field", "action");
      assertError(a.request("stream_control", new JsonObject().put("visitor_id", "v-bad").put("action", "speed")
          .put("value", 0)), "invalid_field", "value");
      assertThat(a.join("v-bad").getString("event")).isEqualTo("stream_started");
    }
  }

  @Test
  @DisplayName("a dataset whose file is missing gives stream_error naming the file")
  void missingFile() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      JsonObject error = a.join(new JsonObject().put("visitor_id", "v-broken").put("dataset", "broken"));
      assertThat(error.getString("event")).isEqualTo("stream_error");
      assertThat(error.getString("message")).contains("/nonexistent/streamhub/missing.csv");
    }
  }

  @Test
  @DisplayName("pause stops rows for every tab and resume continues from the next row")
  void pauseAndResume() {
    try (ReplayTab a = ReplayTab.open(client, port)) {
      a.join("v-pause");
      a.predictions(2);
      JsonObject paused = a.request("stream_control", new JsonObject().put("visitor_id", "v-pause")
          .put("action", "pause"));
      assertThat(paused.getJsonObject("data").getBoolean("paused")).as("%s", paused).isTrue();
      long at = paused.getJsonObject("data").getLong("streamed");
      await(client.timer(150));
      assertThat(status("v-pause").getLong("streamed")).isEqualTo(at);
      a.request("stream_control", new JsonObject().put("visitor_id", "v-pause").put("action", "resume"));
      JsonObject next;
      do {
        next = a.next();
      } while (!"prediction".equals(next.getString("event")));
      assertThat(next.getJsonObject("data").getLong("seq")).isEqualTo(at + 1);
    }
  }

  private static void assertError(JsonObject reply, String code, String mentions) {
    assertThat(reply.getString("event")).as("%s", reply).isEqualTo("error");
    assertThat(reply.getJsonObject("data").getString("code")).as("%s", reply).isEqualTo(code);
    assertThat(reply.getJsonObject("data").getString("message")).contains(mentions);
  }
}
