package io.streamhub.ingress.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.replay.JoinStream;
import io.streamhub.contracts.replay.StreamControl;
import io.streamhub.contracts.replay.StreamJoined;
import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingress side of replay against a stand-in replay role on the event bus. */
@ExtendWith(VertxExtension.class)
@DisplayName("Replay events at the ingress")
class ReplayEventsTest {

  static JsonObject joinData(String visitor) {
    return new JsonObject().put("visitor_id", visitor);
  }

  @Test
  @DisplayName("without a replay node, join_stream gets error unavailable and the connection stays usable")
  void noReplayNode(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject());
    try (WsClient ws = WsClient.connect(vertx, port)) {
      JsonObject reply = ws.request("join_stream", joinData("v1"));
      assertThat(reply.getJsonObject("data").getString("code")).isEqualTo("unavailable");
      assertThat(ws.ok("subscribe", new JsonObject().put("room", "still-works")).getBoolean("subscribed")).isTrue();
    }
  }

  @Test
  @DisplayName("a dataset that failed to load gives stream_error with the replay role's message")
  void unprocessableDataset(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.REPLAY_STREAM_JOIN,
        m -> m.fail(FailureCodes.UNPROCESSABLE, "dataset x: cannot read /data/x.csv: no such file"));
    int port = IngressFixture.deploy(vertx, new JsonObject());
    try (WsClient ws = WsClient.connect(vertx, port)) {
      ws.emit("join_stream", joinData("v1"));
      JsonObject error = ws.next("stream_error");
      assertThat(error.getString("message")).contains("/data/x.csv");
      assertThat(error.getString("visitor_id")).isEqualTo("v1");
    }
  }

  @Test
  @DisplayName("a join answered after its connection closed is undone with a leave for that tab")
  void lateJoinIsUndone(Vertx vertx) {
    Promise<Message<JsonObject>> joinArrived = Promise.promise();
    Promise<StreamControl> leaveOnClose = Promise.promise();
    Promise<StreamControl> leaveAfterReply = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(Addresses.REPLAY_STREAM_JOIN, joinArrived::tryComplete);
    vertx.eventBus().<JsonObject>consumer(Addresses.REPLAY_STREAM_CONTROL, m -> {
      StreamControl control = StreamControl.fromJson(m.body());
      if (!leaveOnClose.tryComplete(control)) {
        leaveAfterReply.tryComplete(control);
      }
      m.fail(FailureCodes.NOT_FOUND, "no stream");
    });
    int port = IngressFixture.deploy(vertx, new JsonObject());
    WsClient ws = WsClient.connect(vertx, port);
    ws.emit("join_stream", joinData("v-late"));
    Message<JsonObject> join = WsClient.await(joinArrived.future());
    ws.socket().close();
    ws.awaitClose();
    JoinStream request = JoinStream.fromJson(join.body());
    assertThat(WsClient.await(leaveOnClose.future()).tabId()).isEqualTo(request.tabId());
    join.reply(new StreamJoined(StreamJoined.Kind.STARTED, "v-late", "s1", "rows", 10, 0, 0, false).toJson());

    StreamControl undo = WsClient.await(leaveAfterReply.future());
    assertThat(undo.action()).isEqualTo(StreamControl.Action.LEAVE);
    assertThat(undo.tabId()).isEqualTo(request.tabId());
    ws.close();
  }
}
