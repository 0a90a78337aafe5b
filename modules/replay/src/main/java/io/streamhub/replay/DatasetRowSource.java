package io.streamhub.replay;

import io.streamhub.replay.data.Dataset;
import io.streamhub.replay.engine.RowSource;

/**
 * A parsed dataset as the stream engine's row source: rows and their scores were computed once at load, and each
 * emitted row is the payload the replay role sends ({@link RowPayload}). Shared by the replay role and the benchmarks,
 * so a benchmark measures exactly what a node emits.
 */
public record DatasetRowSource(Dataset dataset) implements RowSource {

  @Override
  public String name() {
    return dataset.name();
  }

  @Override
  public String event() {
    return dataset.event();
  }

  @Override
  public int total() {
    return dataset.total();
  }

  @Override
  public long skippedRows() {
    return dataset.skippedRows();
  }

  @Override
  public String payload(String streamId, int seq, long tsMs) {
    return RowPayload.encode(streamId, seq, dataset.total(), dataset.row(seq).fragment(), tsMs);
  }
}
