package io.streamhub.dashboard;

import static io.streamhub.dashboard.DashboardFixture.append;
import static io.streamhub.dashboard.DashboardFixture.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.config.ConfigLoader;
import io.streamhub.contracts.config.StreamhubConfig;
import io.streamhub.ingress.auth.TokenIssuer;
import io.streamhub.ingress.auth.TokenVerifier;
import io.streamhub.ingress.http.BearerAuth;
import io.streamhub.ingress.http.LiveDataRoute;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("GET /api/live-data")
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class LiveDataRouteTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef";

  TokenIssuer issuer;
  WebClient web;
  int port;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    StreamhubConfig config = ConfigLoader.withOverrides(new JsonObject().put("auth", new JsonObject()
        .put("jwt", new JsonObject().put("secret", SECRET))
        .put("dev_login", new JsonObject().put("enabled", false))));
    web = WebClient.create(vertx);
    Future<TokenVerifier> verifier = TokenVerifier.create(vertx, config.auth());
    Router router = Router.router(vertx);
    verifier.onSuccess(v -> issuer = v.issuer().orElseThrow())
        .onSuccess(v -> LiveDataRoute.mount(router, new BearerAuth(Optional.of(v)), vertx.eventBus()))
        .compose(v -> DashboardFixture.deploy(vertx, config))
        .compose(v -> append(vertx, List.of(prediction("ada", 1, 0.7, false, System.currentTimeMillis()))))
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"))
        .onComplete(ctx.succeeding(server -> {
          port = server.actualPort();
          ctx.completeNow();
        }));
  }

  Future<HttpResponse<Buffer>> get(UnaryOperator<HttpRequest<Buffer>> headers) {
    return headers.apply(web.get(port, "127.0.0.1", LiveDataRoute.PATH)).send();
  }

  @Test
  @DisplayName("a valid bearer token gets 200 with the token user's dashboard")
  void ok(VertxTestContext ctx) {
    String token = issuer.issue("ada", Duration.ofMinutes(5));
    get(r -> r.putHeader("Authorization", "Bearer " + token)).onComplete(ctx.succeeding(response -> ctx.verify(() -> {
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getBoolean("success")).isTrue();
      assertThat(body.getJsonObject("data").getString("user_id")).isEqualTo("ada");
      assertThat(body.getJsonObject("data").getJsonObject("metrics").getLong("medium_risk")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("no token, a non-bearer header, a tampered token or an expired one get 401 {success: false, error}")
  void unauthorized(Vertx vertx, VertxTestContext ctx) {
    String token = issuer.issue("ada", Duration.ofMinutes(5));
    String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer(SECRET)));
    String expired = signer.generateToken(new JsonObject().put("sub", "ada")
        .put("exp", System.currentTimeMillis() / 1000 - 3600), new JWTOptions().setAlgorithm("HS256"));
    List<UnaryOperator<HttpRequest<Buffer>>> requests = List.of(r -> r,
        r -> r.putHeader("Authorization", "Basic YWRhOnB3"),
        r -> r.putHeader("Authorization", "Bearer " + tampered),
        r -> r.putHeader("Authorization", "Bearer " + expired));
    Future.all(requests.stream().map(this::get).toList()).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      for (int i = 0; i < requests.size(); i++) {
        HttpResponse<Buffer> response = all.resultAt(i);
        assertThat(response.statusCode()).as("request %d", i).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getBoolean("success")).isFalse();
        assertThat(response.bodyAsJsonObject().getString("error")).isNotBlank();
      }
      ctx.completeNow();
    })));
  }
}
