package io.streamhub.tools.datasets;

import java.util.List;

/** A payment card's IEEE-CIS columns ({@code card1}..{@code card6}, {@code addr1}, {@code addr2}) and its e-mail. */
record Card(String card1, String card2, String card3, String card4, String card5, String card6, String addr1,
    String addr2, String email) {

  private static final Weighted CARD3 = Weighted.of("150", 90).or("185", 5).or("144", 2).or("117", 2).or("143", 1);
  private static final Weighted CARD4 = Weighted.of("visa", 64).or("mastercard", 31).or("american express", 2)
      .or("discover", 2).or("", 1);
  private static final Weighted CARD5 = Weighted.of("226", 50).or("224", 14).or("166", 10).or("102", 6)
      .or("117", 5).or("138", 4).or("195", 3).or("137", 3).or("219", 3);
  private static final Weighted CARD6 = Weighted.of("debit", 72).or("credit", 28);
  private static final Weighted ADDR2 = Weighted.of("87", 97).or("60", 2).or("96", 1);

  static Card draw(Rng rng, Weighted emails) {
    long card5 = rng.chance(0.97) ? Long.parseLong(rng.draw(CARD5)) : rng.between(100, 237);
    boolean hasAddress = rng.chance(0.9);
    return new Card(Integer.toString(rng.between(1000, 18396)),
        rng.chance(0.97) ? Num.whole(rng.between(100, 600)) : "",
        Num.whole(Long.parseLong(rng.draw(CARD3))),
        rng.draw(CARD4),
        Num.whole(card5),
        rng.draw(CARD6),
        hasAddress ? Num.whole(rng.between(100, 540)) : "",
        hasAddress ? Num.whole(Long.parseLong(rng.draw(ADDR2))) : "",
        rng.draw(emails));
  }

  Card asCredit() {
    return new Card(card1, card2, card3, card4.isEmpty() ? "visa" : card4, card5, "credit", addr1, addr2, email);
  }

  /** Appends {@code card1}..{@code card6}, then the address, or two empty cells when {@code withAddress} is false. */
  void addTo(List<String> row, boolean withAddress) {
    row.addAll(List.of(card1, card2, card3, card4, card5, card6));
    row.add(withAddress ? addr1 : "");
    row.add(withAddress ? addr2 : "");
  }
}
