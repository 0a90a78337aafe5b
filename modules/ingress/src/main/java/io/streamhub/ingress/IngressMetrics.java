package io.streamhub.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Streamhub's own meters, registered in the Vert.x Micrometer registry so {@code /metrics} shows them beside the
 * Vert.x ones: open connections, messages in and out per event, errors per code, closes per close code.
 */
public final class IngressMetrics {

  /** Tag value for events no handler serves, so arbitrary client input cannot grow the number of series. */
  public static final String UNKNOWN_EVENT = "_unknown";

  private final MeterRegistry registry;
  private final AtomicInteger connections = new AtomicInteger();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public IngressMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("streamhub_connections", connections);
  }

  /** The registry Vert.x metrics use when enabled, otherwise a private one (metrics off, e.g. unit tests). */
  public static IngressMetrics fromVertxRegistry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return new IngressMetrics(registry != null ? registry : new SimpleMeterRegistry());
  }

  public void connectionOpened() {
    connections.incrementAndGet();
  }

  public void connectionClosed() {
    connections.decrementAndGet();
  }

  public void received(String event) {
    count("streamhub_messages_in", "event", event);
  }

  public void sent(String event) {
    count("streamhub_messages_out", "event", event);
  }

  public void error(String code) {
    count("streamhub_errors", "code", code);
  }

  public void closed(short closeCode) {
    count("streamhub_closes", "close_code", Short.toString(closeCode));
  }

  /** A gauge computed from a live object, e.g. pending publishes. */
  public <T> void gauge(String name, T owner, ToDoubleFunction<T> value) {
    registry.gauge(name, java.util.List.of(), owner, value);
  }

  private void count(String name, String tag, String value) {
    counters.computeIfAbsent(name + '\u0000' + value, k -> Counter.builder(name).tag(tag, value).register(registry))
        .increment();
  }

  int openConnections() {
    return connections.get();
  }
}
