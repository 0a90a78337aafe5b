package io.streamhub.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.streamhub.contracts.FailureCodes;
import io.streamhub.contracts.pressure.FrameRecord;
import io.streamhub.contracts.pressure.PressureMatrix;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The frame writer")
class FrameWriterTest {

  static LateWrites.Waiting frame(long n) {
    return new LateWrites.Waiting(new FrameRecord("w", n, n, new PressureMatrix(1, 1, new double[] {1.0}),
        null, new JsonObject(), n), "m", "c");
  }

  @Test
  @DisplayName("sends a frame alone when idle, and the frames that arrive meanwhile together in the next bulk write")
  void groupCommit(Vertx vertx, VertxTestContext test) {
    List<Message<JsonObject>> writes = new ArrayList<>();
    JsonByReferenceCodec.register(vertx.eventBus());
    vertx.eventBus().<JsonObject>consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, writes::add);
    vertx.runOnContext(v -> {
      FrameWriter writer = new FrameWriter(vertx, new LateWrites(vertx, () -> { }));
      List<Future<Boolean>> stored = new ArrayList<>();
      for (long n = 1; n <= 4; n++) {
        stored.add(writer.write(frame(n)));
      }
      vertx.setTimer(50, t -> {
        test.verify(() -> assertThat(writes).hasSize(1));
        writes.get(0).reply(new JsonObject().put("stored", 1));
        vertx.setTimer(50, t2 -> {
          test.verify(() -> {
            assertThat(writes).hasSize(2);
            assertThat(writes.get(0).body().getJsonArray("frames")).hasSize(1);
            assertThat(writes.get(1).body().getJsonArray("frames").stream()
                .map(f -> ((JsonObject) f).getLong("frame")).toList()).containsExactly(2L, 3L, 4L);
          });
          writes.get(1).reply(new JsonObject().put("stored", 3));
          Future.all(stored).onComplete(test.succeeding(all -> test.verify(() -> {
            assertThat(stored).allMatch(f -> f.result());
            test.completeNow();
          })));
        });
      });
    });
  }

  @Test
  @DisplayName("a write the store refuses moves its frames, and every later frame, to late writes in order")
  void failureGoesLate(Vertx vertx, VertxTestContext test) {
    JsonByReferenceCodec.register(vertx.eventBus());
    vertx.eventBus().<JsonObject>consumer(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND,
        m -> m.fail(FailureCodes.UNAVAILABLE, "store down"));
    vertx.runOnContext(v -> {
      LateWrites late = new LateWrites(vertx, () -> { });
      FrameWriter writer = new FrameWriter(vertx, late);
      writer.write(frame(1)).compose(first -> writer.write(frame(2)).map(second -> List.of(first, second)))
          .onComplete(test.succeeding(results -> test.verify(() -> {
            assertThat(results).containsExactly(false, false);
            assertThat(late.size()).isEqualTo(2);
            test.completeNow();
          })));
    });
  }
}
