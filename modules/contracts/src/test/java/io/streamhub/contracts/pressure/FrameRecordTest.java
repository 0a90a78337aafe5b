package io.streamhub.contracts.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FrameRecord")
class FrameRecordTest {

  private static final PressureMatrix MATRIX = new PressureMatrix(1, 2, new double[] {1.5, 2});
  private static final JsonObject STATS = new JsonObject().put("sum", 3.5);

  @Test
  @DisplayName("round-trips through its stored form and its API form, owner included")
  void roundTrip() {
    FrameRecord owned = new FrameRecord("w-1", 7, 1_000, MATRIX, new JsonArray().add("n"), STATS, 1_040, "ada");
    assertThat(FrameRecord.fromJson(owned.toJson())).usingRecursiveComparison().isEqualTo(owned);
    assertThat(FrameRecord.fromJson(owned.toApiJson())).usingRecursiveComparison().isEqualTo(owned);
    assertThat(owned.toJson().getString("owner_sub")).isEqualTo("ada");
  }

  @Test
  @DisplayName("a frame of a workout without owner has no owner_sub field")
  void withoutOwner() {
    FrameRecord anonymous = new FrameRecord("w-1", 1, 1_000, MATRIX, null, STATS, 1_040);
    assertThat(anonymous.ownerSub()).isNull();
    assertThat(anonymous.toJson().containsKey("owner_sub")).isFalse();
    assertThat(FrameRecord.fromJson(anonymous.toJson()).ownerSub()).isNull();
  }

  @Test
  @DisplayName("refuses a frame number below 1 and a bad workout id, naming the field")
  void refusals() {
    assertThatThrownBy(() -> new FrameRecord("w-1", 0, 1, MATRIX, null, STATS, 1)).hasMessageContaining("frame");
    assertThatThrownBy(() -> new FrameRecord("bad id!", 1, 1, MATRIX, null, STATS, 1))
        .hasMessageContaining("workout_id");
  }
}
