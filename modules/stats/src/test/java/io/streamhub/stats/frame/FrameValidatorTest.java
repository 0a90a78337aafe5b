package io.streamhub.stats.frame;

import static io.streamhub.stats.frame.Frames.NOW;
import static io.streamhub.stats.frame.Frames.VALIDATOR;
import static io.streamhub.stats.frame.Frames.rejection;
import static io.streamhub.stats.frame.Frames.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameValidatorTest {

  @Test
  @DisplayName("A valid frame yields its workout id, cells, timestamp and no nodes")
  void acceptsValidFrame() {
    PressureFrame frame = VALIDATOR.validate(valid());
    assertThat(frame.workoutId()).isEqualTo("w-1");
    assertThat(frame.matrix()).isEqualTo(new double[][] {{1, 2}, {3, 4}});
    assertThat(frame.timestampMs()).isEqualTo(NOW);
    assertThat(frame.nodes()).isNull();
    assertThat(VALIDATOR.limits()).isEqualTo(FrameLimits.DEFAULTS);
  }

  @Test
  @DisplayName("A frame decoded from JSON text, with integer and decimal cells and unknown fields, is accepted")
  void acceptsDecodedText() {
    JsonObject data = new JsonObject("{\"workout_id\":\"A_b-9\",\"matrix\":[[0,1.5],[2,3e2]],\"timestamp\":"
        + NOW + ",\"extra\":true}");
    assertThat(VALIDATOR.validate(data).matrix()).isEqualTo(new double[][] {{0, 1.5}, {2, 300}});
  }

  @Test
  @DisplayName("A missing data object is rejected as field data")
  void rejectsNullData() {
    FrameException e = rejection(null);
    assertThat(e.field()).isEqualTo("data");
    assertThat(e).hasMessageStartingWith("data must be an object");
  }

  @Test
  @DisplayName("A missing workout_id is rejected")
  void rejectsMissingWorkoutId() {
    FrameException e = rejection(valid().put("workout_id", null));
    assertThat(e.field()).isEqualTo("workout_id");
    assertThat(e).hasMessage("workout_id is required");
    assertThat(rejection(removed("workout_id"))).hasMessage("workout_id is required");
  }

  @Test
  @DisplayName("A numeric workout_id is rejected with the value")
  void rejectsNumericWorkoutId() {
    FrameException e = rejection(valid().put("workout_id", 42));
    assertThat(e.field()).isEqualTo("workout_id");
    assertThat(e).hasMessage("workout_id must be a string, got 42");
  }

  @Test
  @DisplayName("An array or object workout_id is rejected")
  void rejectsStructuredWorkoutId() {
    assertThat(rejection(valid().put("workout_id", new JsonArray().add("w"))))
        .hasMessage("workout_id must be a string, got an array");
    assertThat(rejection(valid().put("workout_id", new JsonObject())))
        .hasMessage("workout_id must be a string, got an object");
  }

  @Test
  @DisplayName("An empty workout_id is rejected")
  void rejectsEmptyWorkoutId() {
    assertThat(rejection(valid().put("workout_id", ""))).hasMessage("workout_id must be 1-64 characters, got 0");
  }

  @Test
  @DisplayName("A workout_id of 65 characters is rejected and one of 64 accepted")
  void enforcesWorkoutIdLength() {
    assertThat(rejection(valid().put("workout_id", "a".repeat(65))))
        .hasMessage("workout_id must be 1-64 characters, got 65");
    assertThat(VALIDATOR.validate(valid().put("workout_id", "a".repeat(64))).workoutId()).hasSize(64);
  }

  @ParameterizedTest(name = "workout_id \"{0}\" is rejected")
  @ValueSource(strings = {"w 1", "w/1", "wörk", "w.1", "w:1", "${x}"})
  @DisplayName("A workout_id with a character outside [A-Za-z0-9_-] is rejected with the character")
  void rejectsBadWorkoutIdCharacters(String id) {
    FrameException e = rejection(valid().put("workout_id", id));
    assertThat(e.field()).isEqualTo("workout_id");
    assertThat(e).hasMessageStartingWith("workout_id may contain only [A-Za-z0-9_-], got \"" + id + "\" with '");
  }

  @Test
  @DisplayName("The bad character's index is named")
  void namesBadCharacterIndex() {
    assertThat(rejection(valid().put("workout_id", "ab cd")))
        .hasMessage("workout_id may contain only [A-Za-z0-9_-], got \"ab cd\" with ' ' at index 2");
  }

  @Test
  @DisplayName("nodes that are not an array are rejected")
  void rejectsNonArrayNodes() {
    FrameException e = rejection(valid().put("nodes", "n1,n2"));
    assertThat(e.field()).isEqualTo("nodes");
    assertThat(e).hasMessage("nodes must be an array, got \"n1,n2\"");
    assertThat(rejection(valid().put("nodes", new JsonObject()))).hasMessage("nodes must be an array, got an object");
    assertThat(rejection(valid().put("nodes", 3))).hasMessage("nodes must be an array, got 3");
  }

  @Test
  @DisplayName("nodes with 4097 entries are rejected and 4096 accepted")
  void limitsNodes() {
    assertThat(rejection(valid().put("nodes", nodes(4097))))
        .hasMessage("nodes must have at most 4096 entries, got 4097");
    assertThat(VALIDATOR.validate(valid().put("nodes", nodes(4096))).nodes()).hasSize(4096);
  }

  @Test
  @DisplayName("nodes are passed through as received, and null nodes count as absent")
  void passesNodesThrough() {
    JsonArray nodes = new JsonArray().add(new JsonObject().put("id", 1).put("x", 0.5)).add("free-form");
    assertThat(VALIDATOR.validate(valid().put("nodes", nodes)).nodes()).isEqualTo(nodes);
    assertThat(VALIDATOR.validate(valid().putNull("nodes")).nodes()).isNull();
  }

  @Test
  @DisplayName("Of several broken fields, workout_id is reported first, then timestamp, nodes and matrix")
  void reportsFirstBrokenField() {
    JsonObject allBroken = new JsonObject().put("workout_id", 1).put("timestamp", "x").put("nodes", 1)
        .put("matrix", 1);
    assertThat(rejection(allBroken).field()).isEqualTo("workout_id");
    assertThat(rejection(allBroken.put("workout_id", "w")).field()).isEqualTo("timestamp");
    assertThat(rejection(allBroken.put("timestamp", NOW)).field()).isEqualTo("nodes");
    allBroken.remove("nodes");
    assertThat(rejection(allBroken).field()).isEqualTo("matrix");
  }

  private static JsonObject removed(String key) {
    JsonObject data = valid();
    data.remove(key);
    return data;
  }

  private static JsonArray nodes(int count) {
    JsonArray nodes = new JsonArray();
    for (int i = 0; i < count; i++) {
      nodes.add(i);
    }
    return nodes;
  }
}
