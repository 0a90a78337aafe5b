package io.streamhub.tools.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * Produces {@code transactions.csv}: 1,200 card payments shaped like the IEEE-CIS fraud {@code test_transaction.csv}
 * (same columns and value domains; numeric columns that can be empty are written as floats, e.g. {@code 150.0}).
 * Exactly 48 rows (4%) are fraud-looking: product C, high amount, anonymous.com or hotmail.com, high C counts.
 */
final class TransactionGenerator {

  static final int ROWS = 1200;
  static final int FRAUD_ROWS = 48;
  static final long FIRST_ID = 3_663_549L;
  static final long FIRST_DT = 18_403_224L;
  static final List<String> HEADER = header();

  private static final int CARDS = 380;
  private static final Weighted PRODUCT = Weighted.of("W", 74).or("C", 11).or("R", 7).or("H", 6).or("S", 2);
  private static final Weighted EMAIL = Weighted.of("gmail.com", 42).or("yahoo.com", 17).or("", 15)
      .or("hotmail.com", 9).or("anonymous.com", 7).or("aol.com", 5).or("outlook.com", 5);
  private static final Weighted FRAUD_EMAIL = Weighted.of("anonymous.com", 65).or("hotmail.com", 35);
  private static final Weighted CENTS = Weighted.of(".00", 60).or(".95", 20).or(".99", 20);

  private final Rng rng;
  private final List<Card> cards = new ArrayList<>();

  private TransactionGenerator(Rng rng) {
    this.rng = rng;
    for (int i = 0; i < CARDS; i++) {
      cards.add(Card.draw(rng, EMAIL));
    }
  }

  static CsvTable generate(long seed) {
    return new TransactionGenerator(new Rng(seed, 1)).table();
  }

  private CsvTable table() {
    boolean[] fraud = new boolean[ROWS];
    for (int placed = 0; placed < FRAUD_ROWS; ) {
      int i = rng.below(ROWS);
      if (!fraud[i]) {
        fraud[i] = true;
        placed++;
      }
    }
    List<List<String>> rows = new ArrayList<>(ROWS);
    long dt = FIRST_DT;
    for (int i = 0; i < ROWS; i++) {
      rows.add(fraud[i] ? fraudRow(FIRST_ID + i, dt) : row(FIRST_ID + i, dt));
      dt += 1 + (long) rng.exponential(35);
    }
    return new CsvTable(HEADER, rows);
  }

  private List<String> row(long id, long dt) {
    String product = rng.draw(PRODUCT);
    boolean web = product.equals("W");
    double skew = rng.uniform(0, 1);
    Card card = cards.get((int) (CARDS * skew * skew));
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(Long.toString(id));
    row.add(Long.toString(dt));
    row.add(amount(product));
    row.add(product);
    card.addTo(row, web || rng.chance(product.equals("C") ? 0.15 : 0.7));
    row.add(card.email());
    row.add(web ? (rng.chance(0.15) ? rng.draw(EMAIL) : "") : (rng.chance(0.8) ? card.email() : ""));
    Counts.normal(rng, product, row);
    Days.normal(rng, web, row);
    Matches.normal(rng, web, row);
    return row;
  }

  private List<String> fraudRow(long id, long dt) {
    Card card = Card.draw(rng, FRAUD_EMAIL).asCredit();
    List<String> row = new ArrayList<>(HEADER.size());
    row.add(Long.toString(id));
    row.add(Long.toString(dt));
    row.add(Num.fixed(StrictMath.exp(rng.uniform(StrictMath.log(400), StrictMath.log(2000))), 3));
    row.add("C");
    card.addTo(row, false);
    row.add(card.email());
    row.add(rng.chance(0.85) ? card.email() : "");
    Counts.fraud(rng, row);
    Days.fraud(rng, row);
    Matches.fraud(row);
    return row;
  }

  private String amount(String product) {
    double mean = switch (product) {
      case "W" -> 4.3;
      case "C" -> 3.3;
      default -> 3.9;
    };
    double amount;
    do {
      amount = StrictMath.exp(mean + 0.95 * rng.gaussian());
    } while (amount < 4.99 || amount > 2000);
    if (product.equals("C")) {
      return Num.fixed(amount, 3);
    }
    return (long) amount + rng.draw(CENTS);
  }

  private static List<String> header() {
    List<String> names = new ArrayList<>(List.of("TransactionID", "TransactionDT", "TransactionAmt", "ProductCD",
        "card1", "card2", "card3", "card4", "card5", "card6", "addr1", "addr2", "P_emaildomain", "R_emaildomain"));
    numbered(names, "C", 14);
    numbered(names, "D", 15);
    numbered(names, "M", 9);
    return List.copyOf(names);
  }

  private static void numbered(List<String> names, String prefix, int count) {
    for (int i = 1; i <= count; i++) {
      names.add(prefix + i);
    }
  }
}
