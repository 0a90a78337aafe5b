package io.streamhub.ingress.rooms;

import io.vertx.core.Future;
import java.util.concurrent.CompletionStage;

/** Brings a directory's completion back onto the caller's event loop (a Vert.x context in production). */
@FunctionalInterface
public interface StageAdapter {

  <T> Future<T> adapt(CompletionStage<T> stage);
}
