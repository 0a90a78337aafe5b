package io.streamhub.stats.frame;

/**
 * A {@code pressure_frame} that breaks a validation rule. The message names the field and, for matrix cells, the
 * cell index, e.g. {@code matrix[2][5] must be a finite non-negative number, got -1}. Created without a stack trace:
 * it reports bad device input, not a programming error.
 */
public final class FrameException extends RuntimeException {

  private final String field;

  /**
   * @param field the top-level field of the frame's {@code data} at fault: {@code workout_id}, {@code matrix},
   *     {@code timestamp}, {@code nodes}, or {@code data} when the whole payload is missing
   * @param message a human-readable message that starts with or names the field
   */
  public FrameException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  /** @return the top-level field at fault, e.g. {@code matrix} (also for a single bad cell) */
  public String field() {
    return field;
  }
}
