package io.streamhub.dashboard;

import io.streamhub.contracts.dashboard.ActivityItem;
import io.streamhub.contracts.dashboard.RiskBand;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a user chose to see with {@code user_action}: a filter and a date range, applied to every dashboard computed
 * for the user afterwards (pushes included) until changed.
 *
 * <ul>
 *   <li>Filter ({@code action: filter}, {@code data: {risk_levels?: [high|medium|low...], activity_types?:
 *       [prediction|workout_started|workout_ended...]}}): {@code recent_activity} shows only items of those types
 *       and, for predictions, those risk levels. An empty or missing list means all. {@code data: {}} clears it.</li>
 *   <li>Date range ({@code action: date_range}, {@code data: {from?, to?}}, each an ISO-8601 instant such as
 *       {@code 2026-11-23T10:00:00Z} or epoch milliseconds; {@code from} inclusive, {@code to} exclusive): the
 *       prediction metrics count only predictions in the range (to the minute) and {@code recent_activity} only items
 *       in it. Neither bound clears it. The pressure metrics stay "today".</li>
 * </ul>
 *
 * @param riskLevels risk levels shown; empty = all
 * @param activityTypes activity types shown; empty = all
 * @param fromMs range start (inclusive), or {@code null}
 * @param toMs range end (exclusive), or {@code null}
 */
record DashboardView(Set<String> riskLevels, Set<String> activityTypes, Long fromMs, Long toMs) {

  static final DashboardView ALL = new DashboardView(Set.of(), Set.of(), null, null);

  DashboardView {
    riskLevels = Set.copyOf(new TreeSet<>(riskLevels));
    activityTypes = Set.copyOf(new TreeSet<>(activityTypes));
    if (fromMs != null && toMs != null && fromMs >= toMs) {
      throw new IllegalArgumentException("date range: from must be before to");
    }
  }

  boolean hasRange() {
    return fromMs != null || toMs != null;
  }

  /** This view with the filter of a {@code filter} action's data; throws naming the bad field. */
  DashboardView withFilter(JsonObject data) {
    return new DashboardView(names(data, "risk_levels", RiskBandNames.ALL), names(data, "activity_types",
        ActivityItem.TYPES), fromMs, toMs);
  }

  /** This view with the range of a {@code date_range} action's data; throws naming the bad field. */
  DashboardView withRange(JsonObject data) {
    return new DashboardView(riskLevels, activityTypes, instant(data, "from"), instant(data, "to"));
  }

  boolean shows(ActivityItem item) {
    if (!activityTypes.isEmpty() && !activityTypes.contains(item.type())) {
      return false;
    }
    if (!riskLevels.isEmpty() && item.risk() != null && !riskLevels.contains(item.risk())) {
      return false;
    }
    return (fromMs == null || item.tsMs() >= fromMs) && (toMs == null || item.tsMs() < toMs);
  }

  JsonObject toJson() {
    return new JsonObject().put("filter", new JsonObject().put("risk_levels", new JsonArray(riskLevels.stream()
            .sorted().toList())).put("activity_types", new JsonArray(activityTypes.stream().sorted().toList())))
        .put("date_range", new JsonObject().put("from", fromMs).put("to", toMs));
  }

  static DashboardView fromJson(JsonObject json) {
    JsonObject filter = json.getJsonObject("filter", new JsonObject());
    JsonObject range = json.getJsonObject("date_range", new JsonObject());
    return ALL.withFilter(filter).withRange(range);
  }

  private static Set<String> names(JsonObject data, String field, Set<String> allowed) {
    Object value = data.getValue(field);
    if (value == null) {
      return Set.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("data." + field + " must be an array of " + new TreeSet<>(allowed));
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object name : array) {
      if (!(name instanceof String s) || !allowed.contains(s)) {
        throw new IllegalArgumentException("data." + field + " must hold only " + new TreeSet<>(allowed) + ", got "
            + name);
      }
      out.add(s);
    }
    return out;
  }

  private static Long instant(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("data." + field + " must be an ISO-8601 instant or epoch milliseconds, got "
            + s);
      }
    }
    throw new IllegalArgumentException("data." + field + " must be an ISO-8601 instant or epoch milliseconds");
  }

  /** The wire names of {@link RiskBand}. */
  private static final class RiskBandNames {
    static final Set<String> ALL = Set.of(RiskBand.HIGH.wire(), RiskBand.MEDIUM.wire(), RiskBand.LOW.wire());
  }
}
