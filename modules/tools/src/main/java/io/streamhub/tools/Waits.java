package io.streamhub.tools;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits of the command-line tools, which run on their own thread, never on an event loop. */
public final class Waits {

  private Waits() {
  }

  /** The future's result; a timeout says what did not finish in time. */
  public static <T> T await(Future<T> future, long seconds, String what) throws TimeoutException {
    try {
      return future.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException(what + " did not finish within " + seconds + " s");
    }
  }
}
