package io.streamhub.tools.pressure;

/**
 * What a device had acknowledged for its workout.
 *
 * @param highestFrame the highest frame number acknowledged
 * @param acked frames acknowledged
 */
record WorkoutCount(String workoutId, long highestFrame, long acked) {
}
