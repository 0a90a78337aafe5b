package io.streamhub.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** A browser tab of the replay protocol, on a real WebSocket: joins a visitor's stream and reads its rows. */
final class ReplayTab implements AutoCloseable {

  private final WsClient ws;
  private long nextAck = 1000;

  private ReplayTab(WsClient ws) {
    this.ws = ws;
  }

  static ReplayTab open(Vertx vertx, int port) {
    return new ReplayTab(WsClient.connect(vertx, port));
  }

  /** Sends {@code join_stream} and returns the announcement event ({@code stream_started} etc.) with its name. */
  JsonObject join(JsonObject data) {
    long ack = nextAck++;
    ws.sendText(new JsonObject().put("event", "join_stream").put("data", data).put("ack", ack).encode());
    JsonObject announced = null;
    while (true) {
      JsonObject frame = ws.next();
      if (frame.getLong("ack") != null && frame.getLong("ack") == ack) {
        assertThat(frame.getString("event")).as("join reply %s", frame).isEqualTo("ack");
        assertThat(announced).as("an announcement before the ack").isNotNull();
        return announced;
      }
      if (!"stream_gone".equals(frame.getString("event"))) {
        announced = frame.getJsonObject("data").copy().put("event", frame.getString("event"));
      }
    }
  }

  JsonObject join(String visitor) {
    return join(new JsonObject().put("visitor_id", visitor));
  }

  /** Sends a request and returns its reply frame ({@code ack} or {@code error}). */
  JsonObject request(String event, JsonObject data) {
    long ack = nextAck++;
    ws.sendText(new JsonObject().put("event", event).put("data", data).put("ack", ack).encode());
    while (true) {
      JsonObject frame = ws.next();
      if (frame.getLong("ack") != null && frame.getLong("ack") == ack) {
        return frame;
      }
    }
  }

  /** The next frame, whatever it is. */
  JsonObject next() {
    return ws.next();
  }

  /** The {@code seq} of the next {@code n} frames, each of which must be a row event named {@code event}. */
  List<Long> rows(String event, int n) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonObject frame = ws.next();
      assertThat(frame.getString("event")).as("frame %s", frame).isEqualTo(event);
      seqs.add(frame.getJsonObject("data").getLong("seq"));
    }
    return seqs;
  }

  List<Long> predictions(int n) {
    return rows("prediction", n);
  }

  boolean quiet() {
    return ws.hasNoFrame();
  }

  @Override
  public void close() {
    ws.close();
  }
}
