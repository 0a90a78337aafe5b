package io.streamhub.ingress.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A minimal Engine.IO v4 long-polling client written from the protocol text, for checking the server's wire format
 * byte by byte (the real socket.io clients are exercised by the integration tests).
 */
final class PollingClient {

  private final WebClient http;
  private final int port;
  private final Deque<String> received = new ArrayDeque<>();
  private String sid;

  PollingClient(Vertx vertx, int port) {
    this.http = WebClient.create(vertx);
    this.port = port;
  }

  HttpResponse<Buffer> get(String query) {
    return WsClient.await(http.get(port, "127.0.0.1", "/socket.io/?" + query).send());
  }

  HttpResponse<Buffer> post(String query, String body) {
    return WsClient.await(http.post(port, "127.0.0.1", "/socket.io/?" + query).putHeader("content-type",
        "text/plain;charset=UTF-8").sendBuffer(Buffer.buffer(body)));
  }

  /** The handshake: returns the open packet's data. */
  JsonObject open() {
    HttpResponse<Buffer> response = get("EIO=4&transport=polling");
    assertThat(response.statusCode()).isEqualTo(200);
    String body = response.bodyAsString();
    assertThat(body).startsWith("0");
    JsonObject data = new JsonObject(body.substring(1));
    sid = data.getString("sid");
    return data;
  }

  String sid() {
    return sid;
  }

  /** Sends Engine.IO packets in one POST and expects {@code ok}. */
  void send(String... packets) {
    HttpResponse<Buffer> response = post("EIO=4&transport=polling&sid=" + sid, String.join("\u001e", packets));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("ok");
  }

  /** The next Engine.IO packet from the server, polling when none is buffered; pings are answered and skipped. */
  String next() {
    while (true) {
      while (received.isEmpty()) {
        HttpResponse<Buffer> response = get("EIO=4&transport=polling&sid=" + sid);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        received.addAll(Arrays.asList(response.bodyAsString().split("\u001e")));
      }
      String packet = received.poll();
      if (packet.equals("2")) {
        send("3");
      } else {
        return packet;
      }
    }
  }
}
