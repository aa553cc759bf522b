package io.emms.benchmarks.analytics;

import io.emms.analytics.anomaly.HampelConfig;
import io.emms.analytics.anomaly.SeasonalConfig;
import io.emms.analytics.anomaly.StreamingDetector;
import io.emms.analytics.anomaly.StreamingHampel;
import io.emms.analytics.anomaly.StreamingSeasonal;
import io.emms.analytics.anomaly.StreamingZScore;
import io.emms.analytics.anomaly.ZScoreConfig;
import io.emms.analytics.anomaly.evaluation.SyntheticLoad;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming detector throughput: one detector instance (one meter) fed a pre-generated synthetic 15-minute load
 * series of 2^20 readings (about 30 years of one meter, or one interval of a million meters through as many
 * detectors). Scores are ops/s = readings/s; with {@code -prof gc} the allocation per reading should be ~0 B.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StreamingDetector -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StreamingDetectorBenchmark {

  static final int N = 1 << 20;

  long[] t;
  double[] x;
  StreamingDetector zscore;
  StreamingDetector hampel;
  StreamingDetector seasonal;

  @Setup
  public void setUp() {
    x = SyntheticLoad.clean(N / 96 + 1, 42);
    t = new long[x.length];
    for (int i = 0; i < t.length; i++) t[i] = SyntheticLoad.START + i * 900_000L;
    // Detectors keep learning across invocations, as they would on a live stream.
    zscore = new StreamingZScore(ZScoreConfig.THREE_SIGMA);
    hampel = new StreamingHampel(HampelConfig.DEFAULT);
    seasonal = new StreamingSeasonal(SeasonalConfig.DEFAULT);
  }

  private int run(StreamingDetector d) {
    int flagged = 0;
    for (int i = 0; i < N; i++) {
      if (d.offer(t[i], x[i])) flagged++;
    }
    return flagged;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int zscore() {
    return run(zscore);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int hampel() {
    return run(hampel);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int seasonal() {
    return run(seasonal);
  }
}
