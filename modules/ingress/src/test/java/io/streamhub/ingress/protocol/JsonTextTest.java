package io.streamhub.ingress.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("JsonText parses protocol text as Vert.x does")
class JsonTextTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"event\":\"pressure_frame\",\"data\":{\"matrix\":[[0,1.5,12.3],[80,0.05,1e-3]],\"timestamp\":1700000000123}}",
      "{\"a\":null,\"b\":true,\"c\":false,\"d\":\"x\\u00e9\\n\",\"e\":[],\"f\":{},\"g\":-0.0,\"h\":2.5E300}",
      "{\"big\":123456789012345678901234567890,\"long\":9007199254740993,\"int\":-7,\"dup\":1,\"dup\":2}",
      "[1, /* comment */ 2.25, \"three\", [4], {\"five\": 5}]",
      "\"text\"", "42", "3.141592653589793", "null"})
  @DisplayName("the same values and types as Json.decodeValue")
  void sameAsVertx(String text) {
    Object ours = JsonText.parse(text);
    Object theirs = Json.decodeValue(text);
    assertThat(ours).isEqualTo(theirs);
    if (ours != null) {
      assertThat(ours.getClass()).isEqualTo(theirs.getClass());
    }
  }

  @Test
  @DisplayName("fractional numbers are Doubles with exactly Java's value, integers keep their width")
  void numberTypes() {
    JsonObject json = (JsonObject) JsonText.parse("{\"d\":0.1,\"e\":12.3,\"i\":1,\"l\":4294967296,"
        + "\"b\":18446744073709551616}");
    assertThat(json.getValue("d")).isEqualTo(0.1);
    assertThat(json.getValue("e")).isEqualTo(12.3);
    assertThat(json.getValue("i")).isInstanceOf(Integer.class);
    assertThat(json.getValue("l")).isInstanceOf(Long.class);
    assertThat(json.getValue("b")).isEqualTo(new BigInteger("18446744073709551616"));
    JsonArray nested = (JsonArray) JsonText.parse("[[1.5]]");
    assertThat(nested.getJsonArray(0).getDouble(0)).isEqualTo(1.5);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "{", "{\"a\":}", "[1,2", "{\"a\":1} x", "{\"a\":1}{}", "nul", "{'a':1}", "[1,]"})
  @DisplayName("refuses what is not exactly one JSON value, as Vert.x does")
  void refusals(String text) {
    assertThatThrownBy(() -> JsonText.parse(text)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> Json.decodeValue(text)).isInstanceOf(DecodeException.class);
  }
}
