package io.streamhub.ingress.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.ingress.testing.IngressFixture;
import io.streamhub.ingress.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

  private static final String PATH = "/api/v1/dev/login";

  private static HttpResponse<Buffer> login(Vertx vertx, int port, String body) {
    return WsClient.await(WebClient.create(vertx).post(port, "127.0.0.1", PATH).sendBuffer(Buffer.buffer(body)));
  }

  private static HttpResponse<Buffer> status(Vertx vertx, int port) {
    return WsClient.await(WebClient.create(vertx).get(port, "127.0.0.1", PATH).send());
  }

  private static void assertBadRequest(HttpResponse<Buffer> response, String code, String messagePart) {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).contains(messagePart);
  }

  @Test
  @DisplayName("When enabled it issues a one-hour token the WebSocket accepts")
  void enabled(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject());
    HttpResponse<Buffer> response = login(vertx, port, "{\"user\":\"dana\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("cache-control")).isEqualTo("no-store");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getLong("expires_in_s")).isEqualTo(3600);
    try (WsClient ws = AuthFixture.withHeader(vertx, port, body.getString("token"))) {
      assertThat(ws.next("connected").getString("user_id")).isEqualTo("dana");
    }
  }

  @Test
  @DisplayName("When enabled, GET says so with the lifetime of its tokens")
  void statusEnabled(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject());
    HttpResponse<Buffer> response = status(vertx, port);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("content-type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("enabled", true).put("expires_in_s", 3600));
  }

  @Test
  @DisplayName("A POST without a valid user is refused with 400 naming the field, or naming bad JSON")
  void validation(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject());
    assertBadRequest(login(vertx, port, "{\"user\":\"\"}"), "invalid_field", "user");
    assertBadRequest(login(vertx, port, "{}"), "invalid_field", "user");
    assertBadRequest(login(vertx, port, "{\"user\":42}"), "invalid_field", "user");
    assertBadRequest(login(vertx, port, "{\"user\":\"" + "a".repeat(129) + "\"}"), "invalid_field", "1-128");
    assertBadRequest(login(vertx, port, "{\"user\":\"has space\"}"), "invalid_field", "user");
    assertBadRequest(login(vertx, port, "[\"dana\"]"), "invalid_field", "user");
    assertBadRequest(login(vertx, port, "{\"user\":"), "bad_json", "JSON");
    assertBadRequest(login(vertx, port, ""), "invalid_field", "user");
  }

  @Test
  @DisplayName("When disabled (even with a signing secret configured), GET answers enabled: false and POST is 404")
  void disabled(Vertx vertx) {
    int port = AuthFixture.deploy(vertx, new JsonObject());
    HttpResponse<Buffer> response = status(vertx, port);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("enabled", false));
    HttpResponse<Buffer> post = login(vertx, port, "{\"user\":\"dana\"}");
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
  }

  @Test
  @DisplayName("With no key and dev login off (every connection anonymous), GET answers enabled: false and POST is 404")
  void disabledWithoutKey(Vertx vertx) {
    int port = IngressFixture.deploy(vertx, new JsonObject().put("roles", new JsonArray().add("ingress"))
        .put("auth", new JsonObject().put("dev_login", new JsonObject().put("enabled", false))));
    assertThat(status(vertx, port).bodyAsJsonObject()).isEqualTo(new JsonObject().put("enabled", false));
    assertThat(login(vertx, port, "{\"user\":\"dana\"}").statusCode()).isEqualTo(404);
  }
}
