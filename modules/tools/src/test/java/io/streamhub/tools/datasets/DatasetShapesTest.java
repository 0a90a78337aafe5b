package io.streamhub.tools.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatasetShapesTest {

  private static final String TRANSACTION_HEADER = "TransactionID,TransactionDT,TransactionAmt,ProductCD,card1,card2,"
      + "card3,card4,card5,card6,addr1,addr2,P_emaildomain,R_emaildomain,C1,C2,C3,C4,C5,C6,C7,C8,C9,C10,C11,C12,C13,"
      + "C14,D1,D2,D3,D4,D5,D6,D7,D8,D9,D10,D11,D12,D13,D14,D15,M1,M2,M3,M4,M5,M6,M7,M8,M9";
  private static final String IDENTITY_HEADER = "TransactionID,id_01,id_02,id_03,id_04,id_05,id_06,id_07,id_08,"
      + "id_09,id_10,id_11,id_12,id_13,id_14,id_15,id_16,id_17,id_18,id_19,id_20,id_21,id_22,id_23,id_24,id_25,"
      + "id_26,id_27,id_28,id_29,id_30,id_31,id_32,id_33,id_34,id_35,id_36,id_37,id_38,DeviceType,DeviceInfo";
  private static final String MACHINE_HEADER =
      "sample_id,timestamp,vibration_rms,temperature_c,pressure_bar,rpm,current_a,dinsight_x,dinsight_y";

  private static String transactionsText;
  private static String identityText;
  private static List<List<String>> transactions;
  private static List<List<String>> identity;
  private static List<List<String>> baseline;
  private static List<List<String>> monitor;

  @BeforeAll
  static void generate() {
    List<CsvTable> tables = DatasetGenerator.generate(DatasetGenerator.DEFAULT_SEED);
    transactionsText = tables.get(0).toCsv();
    identityText = tables.get(1).toCsv();
    transactions = Rfc4180.parse(transactionsText);
    identity = Rfc4180.parse(identityText);
    baseline = Rfc4180.parse(tables.get(2).toCsv());
    monitor = Rfc4180.parse(tables.get(3).toCsv());
  }

  @Test
  @DisplayName("Transactions have the IEEE-CIS header and 1,200 rows with consecutive IDs and increasing times")
  void transactionsShape() {
    assertThat(String.join(",", transactions.get(0))).isEqualTo(TRANSACTION_HEADER);
    assertThat(transactions).hasSize(1 + 1200);
    long previousDt = 0;
    for (int i = 1; i < transactions.size(); i++) {
      List<String> row = transactions.get(i);
      assertThat(Long.parseLong(row.get(0))).isEqualTo(3_663_549L + i - 1);
      long dt = Long.parseLong(row.get(1));
      assertThat(dt).isGreaterThan(previousDt);
      previousDt = dt;
    }
    assertThat(transactions.get(1).get(1)).isEqualTo("18403224");
  }

  @Test
  @DisplayName("Transaction values stay in the IEEE-CIS domains")
  void transactionDomains() {
    List<String> header = transactions.get(0);
    Map<String, Set<String>> domains = Map.of(
        "ProductCD", Set.of("W", "H", "C", "S", "R"),
        "card4", Set.of("visa", "mastercard", "american express", "discover", ""),
        "card6", Set.of("debit", "credit"),
        "P_emaildomain", Set.of("gmail.com", "yahoo.com", "hotmail.com", "anonymous.com", "aol.com", "outlook.com", ""),
        "M1", Set.of("T", "F", ""),
        "M4", Set.of("M0", "M1", "M2", ""));
    for (List<String> row : transactions.subList(1, transactions.size())) {
      domains.forEach((column, allowed) -> assertThat(row.get(header.indexOf(column))).as(column).isIn(allowed));
      double amount = Double.parseDouble(row.get(header.indexOf("TransactionAmt")));
      assertThat(amount).isBetween(4.99, 2000.0);
      assertThat(Integer.parseInt(row.get(header.indexOf("card1")))).isBetween(1000, 18396);
      assertThat(Double.parseDouble(row.get(header.indexOf("C1")))).isGreaterThanOrEqualTo(0);
    }
    assertThat(transactionsText).contains(",american express,");
  }

  @Test
  @DisplayName("3-5% of transactions score as fraud under the bundled config's logistic weights")
  void someTransactionsLookFraudulent() {
    List<String> header = transactions.get(0);
    Set<String> mobile = new HashSet<>();
    identity.stream().filter(row -> row.get(row.size() - 2).equals("mobile")).forEach(row -> mobile.add(row.get(0)));
    ToDoubleFunction<List<String>> logit = row -> -6.0
        + 0.0025 * Double.parseDouble(row.get(header.indexOf("TransactionAmt")))
        + 0.12 * Double.parseDouble(row.get(header.indexOf("C1")))
        + 0.1 * Double.parseDouble(row.get(header.indexOf("C14")))
        + (row.get(header.indexOf("ProductCD")).equals("C") ? 1.6 : 0)
        + (row.get(header.indexOf("P_emaildomain")).equals("anonymous.com") ? 1.4 : 0)
        + (row.get(header.indexOf("P_emaildomain")).equals("hotmail.com") ? 0.6 : 0)
        + (row.get(header.indexOf("card6")).equals("credit") ? 0.5 : 0)
        + (mobile.contains(row.get(0)) ? 0.4 : 0);
    long flagged = transactions.subList(1, transactions.size()).stream()
        .filter(row -> logit.applyAsDouble(row) >= 0).count();
    assertThat(flagged).isBetween(36L, 60L);
  }

  @Test
  @DisplayName("Identity rows cover 20-30% of transactions, sorted, each joining an existing TransactionID")
  void identityJoinsTransactions() {
    assertThat(String.join(",", identity.get(0))).isEqualTo(IDENTITY_HEADER);
    Set<String> ids = new HashSet<>();
    transactions.subList(1, transactions.size()).forEach(row -> ids.add(row.get(0)));
    List<Long> joined = identity.subList(1, identity.size()).stream().map(row -> Long.parseLong(row.get(0))).toList();
    assertThat(joined).allSatisfy(id -> assertThat(ids).contains(Long.toString(id)));
    assertThat(joined).isSorted().doesNotHaveDuplicates();
    assertThat(joined.size() / 1200.0).isBetween(0.20, 0.30);
  }

  @Test
  @DisplayName("DeviceInfo values with a comma or a double quote are written quoted")
  void identityExercisesQuoting() {
    assertThat(identityText).contains(",\"Moto G (5) Plus, Build/NPNS25.137-93-14\"\n")
        .contains(",\"Galaxy \"\"S8\"\"\"\n");
    assertThat(identity.stream().map(row -> row.get(row.size() - 1)))
        .contains("Moto G (5) Plus, Build/NPNS25.137-93-14", "Galaxy \"S8\"", "iOS Device", "Windows");
  }

  @Test
  @DisplayName("Every row of every file has as many fields as its header")
  void rowsAreAsWideAsHeaders() {
    for (List<List<String>> file : List.of(transactions, identity, baseline, monitor)) {
      int width = file.get(0).size();
      assertThat(file).allSatisfy(row -> assertThat(row).hasSize(width));
    }
  }

  @Test
  @DisplayName("Machine samples are one second apart, the monitor continuing after the 400 baseline samples")
  void machineTimeline() {
    assertThat(String.join(",", baseline.get(0))).isEqualTo(MACHINE_HEADER);
    assertThat(String.join(",", monitor.get(0))).isEqualTo(MACHINE_HEADER);
    assertThat(baseline).hasSize(1 + 400);
    assertThat(monitor).hasSize(1 + 600);
    List<List<String>> samples = new ArrayList<>(baseline.subList(1, baseline.size()));
    samples.addAll(monitor.subList(1, monitor.size()));
    Instant first = Instant.parse(samples.get(0).get(1));
    for (int i = 0; i < samples.size(); i++) {
      assertThat(samples.get(i).get(0)).isEqualTo(Integer.toString(i + 1));
      assertThat(Instant.parse(samples.get(i).get(1))).isEqualTo(first.plusSeconds(i));
    }
  }

  @Test
  @DisplayName("The baseline is a unit cloud around the origin and the monitor drifts well away from it")
  void monitorDrifts() {
    List<List<String>> base = baseline.subList(1, baseline.size());
    assertThat(mean(base, row -> x(row))).isBetween(-0.2, 0.2);
    assertThat(mean(base, row -> y(row))).isBetween(-0.2, 0.2);
    assertThat(Math.sqrt(mean(base, row -> x(row) * x(row)))).isBetween(0.8, 1.2);
    List<List<String>> samples = monitor.subList(1, monitor.size());
    double early = mean(samples.subList(0, 100), row -> Math.hypot(x(row), y(row)));
    double late = mean(samples.subList(500, 600), row -> Math.hypot(x(row), y(row)));
    assertThat(late).isGreaterThan(3 * early);
    assertThat(mean(samples.subList(500, 600), row -> Double.parseDouble(row.get(2))))
        .isGreaterThan(mean(base, row -> Double.parseDouble(row.get(2))) + 0.3);
    assertThat(mean(samples.subList(500, 600), row -> Double.parseDouble(row.get(3))))
        .isGreaterThan(mean(base, row -> Double.parseDouble(row.get(3))) + 2);
  }

  private static double x(List<String> row) {
    return Double.parseDouble(row.get(7));
  }

  private static double y(List<String> row) {
    return Double.parseDouble(row.get(8));
  }

  private static double mean(List<List<String>> rows, ToDoubleFunction<List<String>> value) {
    return rows.stream().mapToDouble(value).average().orElseThrow();
  }
}
