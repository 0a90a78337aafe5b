package io.streamhub.replay;

import io.streamhub.contracts.FailureCodes;
import io.streamhub.replay.data.DatasetCatalog;
import io.streamhub.replay.data.DatasetException;
import io.streamhub.replay.engine.RowSource;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.HashMap;
import java.util.Map;

/** The node's datasets as {@link RowSource}s, with the failures a join reports (unknown name, unreadable file). */
final class Datasets {

  private final DatasetCatalog catalog;
  private final String defaultName;
  private final Map<String, RowSource> sources = new HashMap<>();

  Datasets(DatasetCatalog catalog, String defaultName) {
    this.catalog = catalog;
    this.defaultName = defaultName;
  }

  /** The named dataset ({@code null}: the default); 404 when unknown, 422 naming the file when it failed to load. */
  Future<RowSource> source(String name) {
    String wanted = name == null ? defaultName : name;
    RowSource cached = sources.get(wanted);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    if (!catalog.knows(wanted)) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.NOT_FOUND,
          "unknown dataset \"" + wanted + "\" (have " + catalog.names() + ")"));
    }
    try {
      RowSource source = new DatasetRowSource(catalog.get(wanted));
      sources.put(wanted, source);
      return Future.succeededFuture(source);
    } catch (DatasetException e) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, FailureCodes.UNPROCESSABLE,
          e.getMessage()));
    }
  }

  long skippedRows(String name) {
    return source(name).map(RowSource::skippedRows).otherwise(0L).result();
  }
}
