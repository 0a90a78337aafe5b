package io.streamhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.contracts.replay.EventsQuery;
import io.streamhub.contracts.replay.StreamEventRecord;
import io.streamhub.contracts.replay.StreamStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/** Requests to the replay addresses of a deployed {@link PersistenceVerticle}, and the messages they carry. */
final class ReplayFixture {

  private ReplayFixture() {
  }

  /** The default configuration: the embedded store, in memory, on a free port. */
  static StreamhubConfig inMemory() {
    return ConfigLoader.withOverrides(new JsonObject());
  }

  /** The embedded store keeping its data in an H2 file in {@code dataDir}. */
  static StreamhubConfig durable(String dataDir) {
    return ConfigLoader.withOverrides(new JsonObject()
        .put("mongo", new JsonObject().put("embedded", new JsonObject().put("data_dir", dataDir))));
  }

  static Future<String> deploy(Vertx vertx, StreamhubConfig config) {
    return vertx.deployVerticle(new PersistenceVerticle(config));
  }

  /** The reply body of a request. */
  static Future<JsonObject> request(Vertx vertx, String address, Object body) {
    return vertx.eventBus().<JsonObject>request(address, body).map(Message::body);
  }

  static StreamEventRecord event(String visitorId, String streamId, long seq, long tsMs) {
    JsonObject data = new JsonObject().put("stream_id", streamId).put("seq", seq).put("ts", tsMs)
        .put("row", new JsonObject().put("amount", 12.5).put("merchant", "m-" + seq));
    return new StreamEventRecord(visitorId, streamId, seq, "prediction", data, tsMs);
  }

  /** Events {@code seqs} of a stream, one second apart. */
  static List<StreamEventRecord> events(String visitorId, String streamId, long... seqs) {
    return Arrays.stream(seqs).mapToObj(seq -> event(visitorId, streamId, seq, 1_000 * seq)).toList();
  }

  static JsonObject batch(List<StreamEventRecord> events) {
    JsonArray array = new JsonArray();
    events.forEach(event -> array.add(event.toJson()));
    return new JsonObject().put("events", array);
  }

  /** Appends and succeeds with how many were stored. */
  static Future<Long> append(Vertx vertx, List<StreamEventRecord> events) {
    return request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_APPEND, batch(events)).map(reply -> reply.getLong("stored"));
  }

  static Future<List<StreamEventRecord>> query(Vertx vertx, String visitorId, int limit, int offset) {
    return request(vertx, Addresses.PERSISTENCE_REPLAY_EVENTS_QUERY, new EventsQuery(visitorId, limit, offset).toJson())
        .map(reply -> reply.getJsonArray("events").stream()
            .map(event -> StreamEventRecord.fromJson((JsonObject) event)).toList());
  }

  static List<Long> seqs(List<StreamEventRecord> events) {
    return events.stream().map(StreamEventRecord::seq).toList();
  }

  static StreamStatus status(String visitorId, String state, long streamed, long lastUpdateMs) {
    return new StreamStatus(visitorId, "stream-" + visitorId, "transactions", 100, streamed, !"complete".equals(state),
        false, 1, 2, state, lastUpdateMs);
  }

  static Future<JsonObject> saveStatus(Vertx vertx, StreamStatus status) {
    return request(vertx, Addresses.PERSISTENCE_REPLAY_STATUS_SAVE, status.toJson());
  }

  static Future<StreamStatus> getStatus(Vertx vertx, String visitorId) {
    return request(vertx, Addresses.PERSISTENCE_REPLAY_STATUS_GET, new JsonObject().put("visitor_id", visitorId))
        .map(StreamStatus::fromJson);
  }

  static Future<Long> clear(Vertx vertx, String visitorId) {
    return request(vertx, Addresses.PERSISTENCE_REPLAY_CLEAR, new JsonObject().put("visitor_id", visitorId))
        .map(reply -> reply.getLong("deleted_events"));
  }

  /** Asserts a failed request: its failure code and a fragment of its text. */
  static void assertFailure(Throwable failure, int code, String fragment) {
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureCode()).as("failure code of: %s", failure.getMessage()).isEqualTo(code);
    assertThat(failure.getMessage()).contains(fragment);
  }
}
