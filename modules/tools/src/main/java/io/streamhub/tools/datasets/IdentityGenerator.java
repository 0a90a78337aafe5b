package io.streamhub.tools.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Produces {@code identity.csv}: device and network identity rows shaped like the IEEE-CIS identity file (columns
 * {@code id_01}..{@code id_38} with underscores), for about a quarter of the transactions, sorted by
 * {@code TransactionID}. As in IEEE-CIS, most non-web (C, H, R, S) payments have one and hardly any web (W) ones do.
 */
final class IdentityGenerator {

  static final List<String> HEADER = header();

  private static final Weighted ID_01 = Weighted.of("-5.0", 45).or("0.0", 20).or("-10.0", 10).or("-20.0", 10)
      .or("-15.0", 5).or("-25.0", 5).or("-40.0", 3).or("-100.0", 2);
  private static final Weighted ID_13 = Weighted.uniform("49.0", "52.0", "64.0", "33.0", "27.0", "20.0", "14.0");
  private static final Weighted ID_14 = Weighted.of("-300.0", 30).or("-360.0", 25).or("-420.0", 10)
      .or("-480.0", 30).or("60.0", 5);
  private static final Weighted ID_15 = Weighted.of("Found", 50).or("New", 35).or("Unknown", 15);
  private static final Weighted ID_17 = Weighted.of("166.0", 60).or("225.0", 25).or("102.0", 10).or("148.0", 5);
  private static final Weighted ID_18 = Weighted.uniform("15.0", "13.0", "12.0", "11.0");
  private static final Weighted ID_23 = Weighted.uniform("IP_PROXY:TRANSPARENT", "IP_PROXY:ANONYMOUS",
      "IP_PROXY:HIDDEN");
  private static final Weighted ID_34 = Weighted.of("match_status:2", 90).or("match_status:1", 8)
      .or("match_status:0", 2);

  private final Rng rng;

  private IdentityGenerator(Rng rng) {
    this.rng = rng;
  }

  static CsvTable generate(long seed, CsvTable transactions) {
    IdentityGenerator generator = new IdentityGenerator(new Rng(seed, 2));
    int id = transactions.column("TransactionID");
    int product = transactions.column("ProductCD");
    List<List<String>> rows = new ArrayList<>();
    for (List<String> transaction : transactions.rows()) {
      if (generator.rng.chance(transaction.get(product).equals("W") ? 0.01 : 0.82)) {
        rows.add(generator.row(transaction.get(id)));
      }
    }
    return new CsvTable(HEADER, rows);
  }

  private List<String> row(String transactionId) {
    Device device = Device.named(rng.draw(Device.KINDS));
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(transactionId);
    row.add(rng.draw(ID_01));
    row.add(rng.chance(0.97) ? Integer.toString(rng.between(1, 999_000)) : "");
    row.add(maybe(0.45, rng.chance(0.9) ? "0.0" : Num.whole(rng.between(1, 9))));
    row.add(maybe(0.45, rng.chance(0.9) ? "0.0" : Num.whole(-5L * rng.between(1, 6))));
    row.add(maybe(0.95, Num.whole(rng.geometric(0.5, 20))));
    row.add(maybe(0.95, Num.whole(-rng.geometric(0.6, 30))));
    row.add(maybe(0.02, Num.whole(rng.between(-30, 50))));
    row.add(maybe(0.02, Num.whole(rng.between(-100, -20))));
    String noChange = rng.chance(0.9) ? "0.0" : Num.whole(rng.between(1, 3));
    row.add(maybe(0.5, noChange));
    row.add(row.get(row.size() - 1).isEmpty() ? "" : "0.0");
    row.add(maybe(0.97, rng.chance(0.9) ? "100.0" : Num.fixed(rng.uniform(90, 99.99), 2)));
    row.add(rng.chance(0.75) ? "NotFound" : "Found");
    row.add(maybe(0.9, rng.draw(ID_13)));
    row.add(maybe(0.55, rng.draw(ID_14)));
    String id15 = rng.draw(ID_15);
    row.add(id15);
    row.add(maybe(0.9, rng.chance(0.55) ? "Found" : "NotFound"));
    row.add(maybe(0.97, rng.draw(ID_17)));
    row.add(maybe(0.3, rng.draw(ID_18)));
    row.add(maybe(0.97, Num.whole(rng.between(100, 671))));
    row.add(maybe(0.97, Num.whole(rng.between(100, 661))));
    addProxyColumns(row);
    row.add(id15.equals("Found") ? "Found" : "New");
    row.add(id15.equals("Found") ? "Found" : "NotFound");
    addDeviceColumns(row, device);
    return row;
  }

  private void addProxyColumns(List<String> row) {
    boolean proxied = rng.chance(0.03);
    row.add(proxied ? Num.whole(rng.between(100, 800)) : "");
    row.add(proxied ? "14.0" : "");
    row.add(proxied ? rng.draw(ID_23) : "");
    row.add(proxied && rng.chance(0.5) ? "11.0" : "");
    row.add(proxied ? Num.whole(rng.between(100, 500)) : "");
    row.add(proxied ? Num.whole(rng.between(100, 200)) : "");
    row.add(proxied ? "Found" : "");
  }

  private void addDeviceColumns(List<String> row, Device device) {
    boolean described = !device.type().isEmpty() && rng.chance(0.5);
    row.add(described ? rng.draw(device.os()) : "");
    row.add(device.type().isEmpty() ? "" : maybe(0.97, rng.draw(device.browser())));
    row.add(described ? device.depth() : "");
    row.add(described ? rng.draw(device.screen()) : "");
    row.add(described ? rng.draw(ID_34) : "");
    row.add(rng.chance(0.55) ? "T" : "F");
    row.add(rng.chance(0.1) ? "T" : "F");
    row.add(rng.chance(0.8) ? "T" : "F");
    row.add(rng.chance(0.45) ? "T" : "F");
    row.add(device.type());
    row.add(rng.draw(device.info()));
  }

  private String maybe(double p, String value) {
    return rng.chance(p) ? value : "";
  }

  private static List<String> header() {
    List<String> names = new ArrayList<>();
    names.add("TransactionID");
    for (int i = 1; i <= 38; i++) {
      names.add(String.format(Locale.ROOT, "id_%02d", i));
    }
    names.add("DeviceType");
    names.add("DeviceInfo");
    return List.copyOf(names);
  }
}
