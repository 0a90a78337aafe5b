package io.streamhub.replay.engine;

import io.vertx.core.json.JsonObject;

/** A dataset of {@code total} rows whose row {@code n} is {@code {"n": n}}. */
record FixedRows(String name, int total) implements RowSource {

  @Override
  public String event() {
    return "prediction";
  }

  @Override
  public long skippedRows() {
    return 0;
  }

  @Override
  public String payload(String streamId, int seq, long tsMs) {
    return new JsonObject().put("stream_id", streamId).put("seq", seq).put("total", total)
        .put("row", new JsonObject().put("n", seq)).put("ts", tsMs).encode();
  }
}
