package io.streamhub.tools;

import java.net.URI;

/** Values of the command-line flags the tools share; each failure names the flag and the value given. */
public final class Flags {

  private Flags() {
  }

  /** The value given after the flag {@code args[i]}; fails saying the flag needs one when it is the last argument. */
  public static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  /** A WebSocket endpoint, {@code ws://HOST:PORT/PATH}. */
  public static URI wsUrl(String flag, String value) {
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + " " + value + " is not a URL");
    }
    if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(flag + " must look like ws://HOST:PORT/ws, got " + value);
    }
    return uri;
  }

  /** A whole number of at least 1. */
  public static int positive(String flag, String value) {
    return whole(flag, value, 1, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}. */
  public static int whole(String flag, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(max == Integer.MAX_VALUE && min == 1
        ? flag + " must be a positive whole number, got " + value
        : flag + " must be a whole number from " + min + " to " + max + ", got " + value);
  }
}
