package io.streamhub.replay;

import io.vertx.core.json.Json;

/**
 * The encoded payload of a row event, {@code {"stream_id":..,"seq":..,"total":..,<row members>,"ts":..}}, spliced
 * from the row's members encoded once when the dataset was read: an emit encodes a handful of numbers, not the row.
 */
public final class RowPayload {

  private RowPayload() {
  }

  /**
   * @param rowMembers the row's members as {@link io.streamhub.replay.data.DatasetRow#fragment()} gives them
   * @param tsMs emit time, epoch milliseconds
   */
  public static String encode(String streamId, int seq, int total, String rowMembers, long tsMs) {
    return new StringBuilder(rowMembers.length() + streamId.length() + 80)
        .append("{\"stream_id\":").append(Json.encode(streamId))
        .append(",\"seq\":").append(seq)
        .append(",\"total\":").append(total)
        .append(',').append(rowMembers)
        .append(",\"ts\":").append(tsMs)
        .append('}').toString();
  }
}
