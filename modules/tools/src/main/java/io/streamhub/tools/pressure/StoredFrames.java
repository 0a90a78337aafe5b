package io.streamhub.tools.pressure;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Reads every simulated workout's frames back through {@code GET /api/v1/sessions/{workout}/frames} and counts the
 * acknowledged frames that are really stored: for a workout whose device had {@code acked} frames up to
 * {@code highestFrame}, the frame numbers {@code highestFrame - acked + 1 .. highestFrame}. A few workouts are read
 * at a time.
 */
final class StoredFrames {

  private static final int PAGE = 1000;
  private static final int IN_FLIGHT = 8;

  private final HttpClient http;
  private final String host;
  private final int port;

  StoredFrames(HttpClient http, String host, int port) {
    this.http = http;
    this.host = host;
    this.port = port;
  }

  /** The number of acknowledged frames found in the store, over all workouts. */
  Future<Long> count(List<WorkoutCount> workouts) {
    Deque<WorkoutCount> queue = new ArrayDeque<>(workouts);
    List<Future<Long>> workers = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      workers.add(next(queue, 0L));
    }
    return Future.all(workers).map(all -> all.<Long>list().stream().mapToLong(Long::longValue).sum());
  }

  private Future<Long> next(Deque<WorkoutCount> queue, long found) {
    WorkoutCount workout = queue.poll();
    if (workout == null) {
      return Future.succeededFuture(found);
    }
    BitSet stored = new BitSet();
    return page(workout, 0, stored).compose(v -> next(queue, found + stored.cardinality()));
  }

  private Future<Void> page(WorkoutCount workout, int offset, BitSet stored) {
    if (workout.acked() == 0) {
      return Future.succeededFuture();
    }
    String path = "/api/v1/sessions/" + workout.workoutId() + "/frames?limit=" + PAGE + "&offset=" + offset;
    long lowest = workout.highestFrame() - workout.acked() + 1;
    return http.request(HttpMethod.GET, port, host, path)
        .compose(request -> request.send())
        .compose(response -> body(response, path))
        .compose(body -> {
          JsonArray frames = body.getJsonArray("frames", new JsonArray());
          long oldest = Long.MAX_VALUE;
          for (int i = 0; i < frames.size(); i++) {
            long frame = frames.getJsonObject(i).getLong("frame", 0L);
            oldest = Math.min(oldest, frame);
            if (frame >= lowest && frame <= workout.highestFrame()) {
              stored.set((int) (frame - lowest));
            }
          }
          boolean more = frames.size() == PAGE && oldest > lowest;
          return more ? page(workout, offset + PAGE, stored) : Future.succeededFuture();
        });
  }

  private static Future<JsonObject> body(HttpClientResponse response, String path) {
    return response.body().compose(buffer -> response.statusCode() == 200
        ? Future.succeededFuture(buffer.toJsonObject())
        : Future.failedFuture("GET " + path + " answered " + response.statusCode() + ": " + buffer));
  }
}
