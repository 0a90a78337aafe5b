package io.streamhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The by-reference JSON codec")
class JsonByReferenceCodecTest {

  @Test
  @DisplayName("hands the very same object to a consumer on the same node, where the default codec copies it")
  void sameInstanceLocally(Vertx vertx, VertxTestContext ctx) {
    JsonByReferenceCodec.register(vertx.eventBus());
    JsonByReferenceCodec.register(vertx.eventBus());
    JsonObject sent = new JsonObject().put("matrix", new JsonObject().put("$binary", new byte[] {1, 2}));
    vertx.eventBus().<JsonObject>consumer("test.by-reference", m -> m.reply(m.body() == sent));
    vertx.eventBus().<JsonObject>consumer("test.default", m -> m.reply(m.body() == sent));

    vertx.eventBus().<Boolean>request("test.by-reference", sent, JsonByReferenceCodec.options())
        .compose(byReference -> vertx.eventBus().<Boolean>request("test.default", sent)
            .map(byDefault -> ctx.verify(() -> {
              assertThat(byReference.body()).isTrue();
              assertThat(byDefault.body()).isFalse();
            })))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("sends JSON text between nodes and reads it back at any position of the buffer")
  void wireRoundTrip() {
    JsonObject json = new JsonObject().put("workout_id", "w1").put("frame", 7).put("nested", new JsonObject());
    Buffer buffer = Buffer.buffer().appendString("prefix");
    JsonByReferenceCodec.writeJson(buffer, json);

    assertThat(JsonByReferenceCodec.readJson("prefix".length(), buffer)).isEqualTo(json);
  }
}
