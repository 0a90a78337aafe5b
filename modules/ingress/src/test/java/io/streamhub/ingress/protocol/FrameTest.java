package io.streamhub.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameTest {

  @Test
  @DisplayName("A well-formed frame yields its event, data and ack")
  void parsesWellFormedFrame() {
    Frame frame = Frame.parse("{\"event\":\"subscribe\",\"data\":{\"room\":\"a\"},\"ack\":7}");
    assertThat(frame.event()).isEqualTo("subscribe");
    assertThat(frame.data()).isEqualTo(new JsonObject().put("room", "a"));
    assertThat(frame.ack()).isEqualTo(7L);
  }

  @Test
  @DisplayName("A frame without data gets an empty object and no ack")
  void dataDefaultsToEmpty() {
    Frame frame = Frame.parse("{\"event\":\"ping\"}");
    assertThat(frame.data()).isEqualTo(new JsonObject());
    assertThat(frame.ack()).isNull();
  }

  @Test
  @DisplayName("Text that is not JSON is a bad_json error")
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> Frame.parse("{\"event\":"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_JSON));
  }

  @Test
  @DisplayName("JSON that is not an object is a bad_frame error")
  void rejectsNonObject() {
    assertThatThrownBy(() -> Frame.parse("[1,2]"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
  }

  @Test
  @DisplayName("A missing event name is a bad_frame error that keeps the ack")
  void rejectsMissingEventKeepingAck() {
    assertThatThrownBy(() -> Frame.parse("{\"data\":{},\"ack\":3}"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME);
          assertThat(e.ack()).isEqualTo(3L);
          assertThat(e.getMessage()).contains("\"event\"");
        });
  }

  @Test
  @DisplayName("data that is not an object, a fractional ack and unknown fields are named in the error")
  void namesEachEnvelopeProblem() {
    assertThatThrownBy(() -> Frame.parse("{\"event\":\"x\",\"data\":5}")).hasMessageContaining("\"data\"");
    assertThatThrownBy(() -> Frame.parse("{\"event\":\"x\",\"ack\":1.5}")).hasMessageContaining("\"ack\"");
    assertThatThrownBy(() -> Frame.parse("{\"event\":\"x\",\"extra\":1}")).hasMessageContaining("\"extra\"");
  }

  @Test
  @DisplayName("An error frame carries code, message and the ack when there is one")
  void encodesErrors() {
    JsonObject error = new JsonObject(Frame.encodeError(4L, ErrorCode.INVALID_FIELD, "field 'room' is required"));
    assertThat(error.getString("event")).isEqualTo("error");
    assertThat(error.getLong("ack")).isEqualTo(4L);
    assertThat(error.getJsonObject("data").getString("code")).isEqualTo("invalid_field");
  }
}
