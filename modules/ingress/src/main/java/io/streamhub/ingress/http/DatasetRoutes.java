package io.streamhub.ingress.http;

import io.streamhub.contracts.Addresses;
import io.streamhub.contracts.replay.BaselineQuery;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The dataset API: {@code GET /api/v1/datasets/{name}/baseline} answers {@code {dataset, points: [{x, y}, ...]}} from
 * the dataset's configured baseline; 404 JSON for an unknown dataset or one without a baseline.
 */
public final class DatasetRoutes {

  private final EventBus bus;

  private DatasetRoutes(EventBus bus) {
    this.bus = bus;
  }

  public static void mount(Router router, EventBus bus) {
    router.get("/api/v1/datasets/:name/baseline").handler(new DatasetRoutes(bus)::baseline);
  }

  private void baseline(RoutingContext rc) {
    BaselineQuery query;
    try {
      query = new BaselineQuery(rc.pathParam("name"));
    } catch (IllegalArgumentException e) {
      HttpErrors.send(rc, 400, "invalid_dataset", e.getMessage());
      return;
    }
    StreamRoutes.reply(rc, bus.<JsonObject>request(Addresses.REPLAY_DATASET_BASELINE, query.toJson())
        .map(Message::body));
  }
}
