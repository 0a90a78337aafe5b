package io.streamhub.stats;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.JsonByReferenceCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes frames to the store with group commit: when no write is in flight a frame goes out alone at once (low
 * latency when idle); frames arriving meanwhile wait for it and then go together in one bulk write of up to
 * {@value #MAX_BATCH} (high throughput under load). A frame the store does not acknowledge within
 * {@value #TIMEOUT_MS} ms moves to {@link LateWrites}, as does every frame while earlier ones wait there, so the
 * store always receives frames in the order they were numbered. Event-loop confined; the waiting frames are bounded
 * by the caller's reservation ({@code pressure.max_unpersisted_frames}).
 */
final class FrameWriter {

  static final int MAX_BATCH = 500;
  static final long TIMEOUT_MS = 2_000;

  private record Pending(LateWrites.Waiting frame, Promise<Boolean> stored) {
  }

  private final Vertx vertx;
  private final LateWrites late;
  private final List<Pending> pending = new ArrayList<>();
  private boolean inFlight;

  FrameWriter(Vertx vertx, LateWrites late) {
    this.vertx = vertx;
    this.late = late;
  }

  /** Completes with {@code true} once the store acknowledged the frame, {@code false} when it went to late writes. */
  Future<Boolean> write(LateWrites.Waiting frame) {
    if (!late.isEmpty()) {
      late.add(frame);
      return Future.succeededFuture(false);
    }
    Promise<Boolean> stored = Promise.promise();
    pending.add(new Pending(frame, stored));
    if (!inFlight) {
      flush();
    }
    return stored.future();
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = new ArrayList<>(pending.subList(0, Math.min(MAX_BATCH, pending.size())));
    pending.subList(0, batch.size()).clear();
    JsonArray frames = new JsonArray();
    batch.forEach(p -> frames.add(p.frame().frame().toJson()));
    inFlight = true;
    vertx.eventBus().request(Addresses.PERSISTENCE_PRESSURE_FRAMES_APPEND, new JsonObject().put("frames", frames),
            JsonByReferenceCodec.options().setSendTimeout(TIMEOUT_MS))
        .onComplete(done -> {
          inFlight = false;
          if (done.succeeded()) {
            batch.forEach(p -> p.stored().complete(true));
          } else {
            batch.forEach(p -> {
              late.add(p.frame());
              p.stored().complete(false);
            });
            pending.forEach(p -> {
              late.add(p.frame());
              p.stored().complete(false);
            });
            pending.clear();
          }
          flush();
        });
  }
}
