package io.streamhub.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The dev login")
class DevLoginTest {

  private static HttpResponse<Buffer> login(Vertx vertx, int port, String body) {
    return WsClient.await(WebClient.create(vertx).post(port, "127.0.0.1", "/api/v1/dev/login")
        .sendBuffer(Buffer.buffer(body)));
  }

  @Test
  @DisplayName("When enabled it issues a one-hour token the WebSocket accepts, and refuses a bad user")
  void enabled(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject());
    HttpResponse<Buffer> response = login(vertx, port, "{\"user\":\"dana\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getLong("expires_in_s")).isEqualTo(3600);
    try (WsClient ws = AuthFixture.withHeader(vertx, port, body.getString("token"))) {
      assertThat(ws.next("connected").getString("user_id")).isEqualTo("dana");
    }
    HttpResponse<Buffer> bad = login(vertx, port, "{\"user\":\"\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("user");
  }

  @Test
  @DisplayName("When disabled the path does not exist (404)")
  void disabled(Vertx vertx) {
    int port = AuthFixture.deploy(vertx, new JsonObject());
    assertThat(login(vertx, port, "{\"user\":\"dana\"}").statusCode()).isEqualTo(404);
  }
}
