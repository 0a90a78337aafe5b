package io.streamhub.tools.datasets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces {@code machine-baseline.csv} (400 samples of a healthy machine) and {@code machine-monitor.csv} (600
 * samples: 200 healthy, then vibration, temperature and current rise gradually). Samples are one second apart,
 * the monitor continuing where the baseline ends. {@code dinsight_x}/{@code dinsight_y} project the standardised
 * features to 2-D: the baseline is a unit Gaussian cloud around (0, 0) and drifting samples leave it towards (4, 3).
 */
final class MachineMonitorGenerator {

  static final int BASELINE_ROWS = 400;
  static final int MONITOR_ROWS = 600;
  static final int DRIFT_START = 200;
  static final int DRIFT_ROWS = 320;
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final List<String> HEADER = List.of("sample_id", "timestamp", "vibration_rms", "temperature_c",
      "pressure_bar", "rpm", "current_a", "dinsight_x", "dinsight_y");

  private static final double TARGET_X = 4.0;
  private static final double TARGET_Y = 3.0;
  private static final double SQRT2 = StrictMath.sqrt(2.0);

  /** A sensor whose reading for a standard score {@code z} is {@code mean + sd * z}, to 4 places. */
  private record Sensor(double mean, double sd) {
    String format(double z) {
      return Num.fixed(mean + sd * z, 4);
    }
  }

  private static final Sensor VIBRATION = new Sensor(2.0, 0.15);
  private static final Sensor TEMPERATURE = new Sensor(65.0, 1.2);
  private static final Sensor PRESSURE = new Sensor(6.0, 0.1);
  private static final Sensor RPM = new Sensor(1480.0, 8.0);
  private static final Sensor CURRENT = new Sensor(12.5, 0.4);

  private final Rng rng;

  private MachineMonitorGenerator(Rng rng) {
    this.rng = rng;
  }

  /** The baseline table, then the monitor table. */
  static List<CsvTable> generate(long seed) {
    MachineMonitorGenerator generator = new MachineMonitorGenerator(new Rng(seed, 3));
    List<List<String>> baseline = new ArrayList<>(BASELINE_ROWS);
    for (int i = 0; i < BASELINE_ROWS; i++) {
      baseline.add(generator.sample(i, 0.0));
    }
    List<List<String>> monitor = new ArrayList<>(MONITOR_ROWS);
    for (int i = 0; i < MONITOR_ROWS; i++) {
      double drift = Math.min(1.0, Math.max(0.0, (i - DRIFT_START) / (double) DRIFT_ROWS));
      monitor.add(generator.sample(BASELINE_ROWS + i, drift));
    }
    return List.of(new CsvTable(HEADER, baseline), new CsvTable(HEADER, monitor));
  }

  /** Sample {@code index} (0-based over both files); {@code drift} 0 is healthy, 1 fully drifted. */
  private List<String> sample(int index, double drift) {
    double shiftX = TARGET_X * SQRT2 * drift;
    double shiftY = TARGET_Y * SQRT2 * drift;
    double vibration = rng.gaussian() + 0.6 * shiftX;
    double current = rng.gaussian() + 0.4 * shiftX;
    double temperature = rng.gaussian() + 0.7 * shiftY;
    double pressure = rng.gaussian() - 0.3 * shiftY;
    double rpm = rng.gaussian() - 1.5 * drift;
    return List.of(Integer.toString(index + 1),
        START.plusSeconds(index).toString(),
        VIBRATION.format(vibration),
        TEMPERATURE.format(temperature),
        PRESSURE.format(pressure),
        RPM.format(rpm),
        CURRENT.format(current),
        Num.fixed((vibration + current) / SQRT2, 6),
        Num.fixed((temperature - pressure) / SQRT2, 6));
  }
}
