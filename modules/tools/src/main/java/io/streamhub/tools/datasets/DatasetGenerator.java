package io.streamhub.tools.datasets;

import io.streamhub.tools.Flags;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Streamhub's bundled replay datasets from a seed: {@code transactions.csv} and {@code identity.csv}
 * (IEEE-CIS fraud shaped, joined on {@code TransactionID}), {@code machine-baseline.csv} and
 * {@code machine-monitor.csv} (sensor samples drifting away from a healthy baseline). The same seed writes the same
 * bytes on every machine: UTF-8 without BOM, RFC 4180 quoting, {@code \n} line ends.
 */
public final class DatasetGenerator {

  public static final long DEFAULT_SEED = 20260101L;
  public static final List<String> FILES = List.of("transactions.csv", "identity.csv", "machine-baseline.csv",
      "machine-monitor.csv");

  static final String USAGE = """
      usage: java -jar streamhub.jar generate-datasets --out DIR [--seed N]
        --out   directory to write transactions.csv, identity.csv, machine-baseline.csv and
                machine-monitor.csv into (created when missing; existing files are replaced)
        --seed  random seed, a whole number (default 20260101, the seed of the bundled files);
                the same seed always writes the same bytes""";

  private DatasetGenerator() {
  }

  /** The four tables for {@code seed}, in the order of {@link #FILES}. */
  public static List<CsvTable> generate(long seed) {
    CsvTable transactions = TransactionGenerator.generate(seed);
    List<CsvTable> tables = new ArrayList<>();
    tables.add(transactions);
    tables.add(IdentityGenerator.generate(seed, transactions));
    tables.addAll(MachineMonitorGenerator.generate(seed));
    return tables;
  }

  /** Writes the four files into {@code outDir}, creating it when missing; returns their paths. */
  public static List<Path> generateAll(Path outDir, long seed) throws IOException {
    Files.createDirectories(outDir);
    List<CsvTable> tables = generate(seed);
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < FILES.size(); i++) {
      Path file = outDir.resolve(FILES.get(i));
      Files.write(file, tables.get(i).toCsv().getBytes(StandardCharsets.UTF_8));
      written.add(file);
    }
    return written;
  }

  /**
   * The {@code generate-datasets} command: {@code --out DIR} (required) and {@code --seed N}. Returns the exit
   * code: 0 when written (one line per file on {@code out}), 1 when writing failed, 2 for bad flags (named on
   * {@code err} with the usage).
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path outDir = null;
    long seed = DEFAULT_SEED;
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          out.println(USAGE);
          return 0;
        }
        if (!flag.equals("--out") && !flag.equals("--seed")) {
          throw new IllegalArgumentException("unknown flag " + flag);
        }
        String value = Flags.valueAfter(args, i++);
        if (flag.equals("--out")) {
          outDir = Path.of(value);
        } else {
          seed = seed(value);
        }
      }
      if (outDir == null) {
        throw new IllegalArgumentException("--out DIR is required");
      }
    } catch (IllegalArgumentException e) {
      err.println("generate-datasets: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    try {
      for (Path file : generateAll(outDir, seed)) {
        out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
      }
      return 0;
    } catch (IOException e) {
      err.println("generate-datasets: cannot write to " + outDir + ": " + e);
      return 1;
    }
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, got " + value);
    }
  }
}
