package io.streamhub.ingress.socketio;

import java.util.ArrayList;
import java.util.List;

/** A {@link WsTransport} that records frames; binary frames are recorded as {@code bin:<length>}. */
final class RecordingWs implements WsTransport {

  final List<String> frames = new ArrayList<>();
  boolean closed;

  @Override
  public void sendText(String frame) {
    frames.add(frame);
  }

  @Override
  public void sendBinary(byte[] frame) {
    frames.add("bin:" + frame.length);
  }

  @Override
  public void close() {
    closed = true;
  }
}
