package io.streamhub.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String SAMPLE = """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.5165824E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.6777216E7
      jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 1048576.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 4.2E7
      # HELP streamhub_replay_lateness_ms actual minus scheduled emit time of each row
      # TYPE streamhub_replay_lateness_ms histogram
      streamhub_replay_lateness_ms{quantile="0.5"} 1.0
      streamhub_replay_lateness_ms{quantile="0.99"} 7.5
      streamhub_replay_lateness_ms_bucket{le="1.0"} 90210
      streamhub_replay_lateness_ms_bucket{le="+Inf"} 123456
      streamhub_replay_lateness_ms_count 123456
      streamhub_replay_lateness_ms_sum 140000.0
      # HELP streamhub_replay_lateness_ms_max actual minus scheduled emit time of each row
      # TYPE streamhub_replay_lateness_ms_max gauge
      streamhub_replay_lateness_ms_max 42.0
      # TYPE streamhub_replay_rows_emitted_total counter
      streamhub_replay_rows_emitted_total 123456.0
      # TYPE streamhub_replay_streams_active gauge
      streamhub_replay_streams_active 10000.0
      odd_metric{path="/a\\"b",note="x,y"} NaN 1712345678000
      """;

  @Test
  @DisplayName("Comments are skipped and every sample line is read with its labels")
  void readsSamples() {
    PrometheusText text = PrometheusText.parse(SAMPLE);
    assertThat(text.samples()).hasSize(14);
    assertThat(text.samples().get(0).labels()).containsEntry("area", "heap").containsEntry("id", "G1 Eden Space");
    assertThat(text.value("streamhub_replay_lateness_ms_bucket", Map.of("le", "+Inf"))).isEqualTo(123456);
  }

  @Test
  @DisplayName("A label selection picks the quantile lines of a summary")
  void quantiles() {
    PrometheusText text = PrometheusText.parse(SAMPLE);
    assertThat(text.value("streamhub_replay_lateness_ms", Map.of("quantile", "0.5"))).isEqualTo(1.0);
    assertThat(text.value("streamhub_replay_lateness_ms", Map.of("quantile", "0.99"))).isEqualTo(7.5);
    assertThat(text.value("streamhub_replay_lateness_ms", Map.of("quantile", "0.999"))).isNaN();
  }

  @Test
  @DisplayName("Heap used is the sum of the heap pools only")
  void sumsHeapPools() {
    PrometheusText text = PrometheusText.parse(SAMPLE);
    assertThat(text.sum("jvm_memory_used_bytes", Map.of("area", "heap"))).isEqualTo(25165824 + 16777216 + 1048576.0);
    assertThat(text.sum("jvm_buffer_count_buffers", Map.of())).isNaN();
  }

  @Test
  @DisplayName("Escaped quotes and commas in label values, NaN values and timestamps are understood")
  void oddLines() {
    PrometheusText text = PrometheusText.parse(SAMPLE);
    assertThat(text.value("odd_metric", Map.of("path", "/a\"b", "note", "x,y"))).isNaN();
    assertThat(text.samples()).anyMatch(s -> s.name().equals("odd_metric"));
    assertThat(PrometheusText.parse("broken{a=\"1\" 3\nfine 2\n").samples()).extracting(s -> s.name())
        .containsExactly("fine");
  }

  @Test
  @DisplayName("Bucket upper bounds give the quantiles of what a histogram recorded between two scrapes")
  void bucketQuantiles() {
    PrometheusText before = PrometheusText.parse("""
        h_bucket{le="1.0"} 100
        h_bucket{le="2.0"} 100
        h_bucket{le="5.0"} 100
        h_bucket{le="+Inf"} 100
        """);
    PrometheusText after = PrometheusText.parse("""
        h_bucket{le="1.0"} 150
        h_bucket{le="2.0"} 190
        h_bucket{le="5.0"} 199
        h_bucket{le="+Inf"} 200
        """);
    assertThat(PrometheusText.bucketQuantile(before.buckets("h"), after.buckets("h"), 0.5)).isEqualTo(1.0);
    assertThat(PrometheusText.bucketQuantile(before.buckets("h"), after.buckets("h"), 0.9)).isEqualTo(2.0);
    assertThat(PrometheusText.bucketQuantile(before.buckets("h"), after.buckets("h"), 0.99)).isEqualTo(5.0);
    assertThat(PrometheusText.bucketQuantile(before.buckets("h"), after.buckets("h"), 1.0)).isInfinite();
    assertThat(PrometheusText.bucketQuantile(Map.of(), after.buckets("h"), 0.9)).as("since start").isEqualTo(2.0);
    assertThat(PrometheusText.bucketQuantile(after.buckets("h"), after.buckets("h"), 0.5)).as("nothing new").isNaN();
    assertThat(after.buckets("missing")).isEmpty();
  }

  @Test
  @DisplayName("The replay bench takes lateness over the window from the buckets, and the rest from the last scrape")
  void serverMetricsFromBuckets() {
    PrometheusText before = PrometheusText.parse("""
        streamhub_replay_lateness_ms_bucket{le="1.0"} 70000
        streamhub_replay_lateness_ms_bucket{le="+Inf"} 100000
        """);
    ReplayServerMetrics m = ReplayServerMetrics.from(before, PrometheusText.parse(SAMPLE));
    assertThat(m.latenessCount()).isEqualTo(23456);
    assertThat(m.latenessP50Ms()).as("20210 of 23456 new rows were within 1 ms").isEqualTo(1.0);
    assertThat(m.latenessP99Ms()).as("past the last finite bound").isInfinite();
    assertThat(m.latenessSource()).contains("over the window");
    assertThat(m.rowsEmitted()).isEqualTo(123456);
    assertThat(m.streamsActive()).isEqualTo(10000);
    assertThat(m.heapUsedBytes()).isEqualTo(42991616);
    JsonObject json = m.toJson();
    assertThat(json.getLong("streams_active")).isEqualTo(10000);
    assertThat(json.getLong("lateness_ms_p50")).isEqualTo(1);
    assertThat(json.getValue("lateness_ms_p99")).isNull();
    assertThat(json.containsKey("error")).isFalse();
  }

  @Test
  @DisplayName("Without buckets the replay bench falls back to the published quantile lines")
  void serverMetricsFromQuantiles() {
    String summary = SAMPLE.lines().filter(l -> !l.contains("_bucket")).reduce("", (a, b) -> a + b + "\n");
    ReplayServerMetrics m = ReplayServerMetrics.from(PrometheusText.parse(""), PrometheusText.parse(summary));
    assertThat(m.latenessP50Ms()).isEqualTo(1.0);
    assertThat(m.latenessP99Ms()).isEqualTo(7.5);
    assertThat(m.latenessCount()).isEqualTo(123456);
    assertThat(m.latenessSource()).contains("published percentiles");
    assertThat(m.toJson().getDouble("lateness_ms_p99")).isEqualTo(7.5);
  }

  @Test
  @DisplayName("Meters a node does not expose come out as null in the RESULT json")
  void missingMeters() {
    ReplayServerMetrics m = ReplayServerMetrics.from(PrometheusText.parse(""), PrometheusText.parse("up 1\n"));
    assertThat(m.latenessP50Ms()).isNaN();
    assertThat(m.toJson().getValue("lateness_ms_p50")).isNull();
    assertThat(m.toJson().encode()).doesNotContain("NaN");
    assertThat(ReplayServerMetrics.unavailable("refused").toJson().getString("error")).isEqualTo("refused");
  }
}
