package io.streamhub.stats.frame;

import io.streamhub.stats.JsonNumbers;
import io.vertx.core.json.JsonObject;

/**
 * The change of a frame's statistics against the previous frame of the same session: every difference is
 * {@code current - previous}.
 *
 * @param sum the change of {@link FrameStats#sum()}, pressure units
 * @param mean the change of {@link FrameStats#mean()}, pressure units
 * @param max the change of {@link FrameStats#max()}, pressure units
 * @param contactArea the change of {@link FrameStats#contactArea()}, cells
 * @param centerOfPressureShift the Euclidean distance between the two centres of pressure, in cells; {@code null}
 *     when either centre is absent or the shapes differ
 * @param shapeChanged whether the two matrices have different row or column counts
 */
public record FrameDelta(double sum, double mean, double max, int contactArea, Double centerOfPressureShift,
    boolean shapeChanged) implements java.io.Serializable {

  /**
   * @param previous the previous frame's statistics
   * @param current the current frame's statistics
   * @return {@code current - previous} for the scalar statistics, plus the centre shift for equal shapes
   */
  public static FrameDelta between(FrameStats previous, FrameStats current) {
    boolean shapeChanged = previous.rows() != current.rows() || previous.cols() != current.cols();
    CenterOfPressure before = previous.centerOfPressure();
    CenterOfPressure after = current.centerOfPressure();
    Double shift = shapeChanged || before == null || after == null ? null : after.distanceTo(before);
    return new FrameDelta(current.sum() - previous.sum(), current.mean() - previous.mean(),
        current.max() - previous.max(), current.contactArea() - previous.contactArea(), shift, shapeChanged);
  }

  /**
   * @return {@code {sum, mean, max, contact_area, center_of_pressure_shift, shape_changed}}, doubles rounded to 4
   *     decimals, the shift {@code null} when absent
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("sum", JsonNumbers.round4(sum))
        .put("mean", JsonNumbers.round4(mean))
        .put("max", JsonNumbers.round4(max))
        .put("contact_area", contactArea)
        .put("center_of_pressure_shift",
            centerOfPressureShift == null ? null : JsonNumbers.round4(centerOfPressureShift))
        .put("shape_changed", shapeChanged);
  }
}
