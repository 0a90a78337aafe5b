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
  private final int[] ports;
  private int next;
  private final Deque<String> received = new ArrayDeque<>();
  private String sid;

  /** Sends each request to the next of {@code ports} in turn, as a round-robin load balancer would. */
  PollingClient(Vertx vertx, int... ports) {
    this.http = WebClient.create(vertx);
    this.ports = ports;
  }

  private int port() {
    return ports[next++ % ports.length];
  }

  HttpResponse<Buffer> get(String query) {
    return WsClient.await(http.get(port(), "127.0.0.1", "/socket.io/?" + query).send());
  }

  HttpResponse<Buffer> post(String query, String body) {
    return WsClient.await(http.post(port(), "127.0.0.1", "/socket.io/?" + query).putHeader("content-type",
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

  /** A poll sent without waiting for its answer (the server may hold it until it has packets). */
  io.vertx.core.Future<HttpResponse<Buffer>> pollAsync() {
    return http.get(port(), "127.0.0.1", "/socket.io/?EIO=4&transport=polling&sid=" + sid).send();
  }

  /** Opens a session and connects to {@code /} with {@code auth}; returns the CONNECT answer's data (sid, pid). */
  JsonObject connect(JsonObject auth) {
    open();
    send("40" + auth.encode());
    String connect = next();
    assertThat(connect).startsWith("40{");
    return new JsonObject(connect.substring(2));
  }

  /** The next packet, which must be an event of {@code /}: its {@code [name, args...]}. */
  io.vertx.core.json.JsonArray event() {
    String packet = next();
    assertThat(packet).startsWith("42[");
    return new io.vertx.core.json.JsonArray(packet.substring(2));
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
