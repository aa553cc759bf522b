package io.emms.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.emms.analytics.arma.ArimaModel;
import io.emms.analytics.arma.ArimaOrder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DetectorsTest {

  private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  private static final long Q = 15 * 60_000L;

  private static long[] grid(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = MONDAY + i * Q;
    }
    return t;
  }

  @Test
  void batchZScoreTwoAndThreeSigma() {
    double[] x = {10, 10, 10, 10, 20, 10, 10, 10, 10, 10};
    // mean 11; squared deviations 9 × 1 + 81 = 90; sample variance 90 / 9 = 10; sd 3.16228; z(20) = 9 / 3.16228 = 2.846
    List<Anomaly> two = new ZScoreDetector(ZScoreConfig.TWO_SIGMA).detect(grid(10), x);
    assertThat(two).singleElement().satisfies(a -> {
      assertThat(a.index()).isEqualTo(4);
      assertThat(a.expected()).isEqualTo(11.0);
      assertThat(a.score()).isCloseTo(2.846050, within(1e-6));
      assertThat(a.reason()).contains("zscore").contains("20.00").contains("2.85").contains("2.00");
    });
    assertThat(new ZScoreDetector(ZScoreConfig.THREE_SIGMA).detect(grid(10), x)).isEmpty();
  }

  @Test
  void streamingZScoreScoresAgainstThePast() {
    StreamingZScore z = new StreamingZScore(new ZScoreConfig(3, 4, true));
    for (double v : new double[] {10, 12, 10, 12}) {
      assertThat(z.offer(0, v)).isFalse();
    }
    // mean 11, deviations ±1: variance 4 / 3, sd 1.154701; z(15) = 4 / 1.154701 = 3.4641
    assertThat(z.offer(0, 15)).isTrue();
    assertThat(z.lastScore()).isCloseTo(3.464102, within(1e-6));
    // 15 entered clipped to 11 + 3 × 1.154701 = 14.464102: mean 58.464102 / 5 = 11.692820; squared deviations
    // 2.865641 + 0.094359 + 2.865641 + 0.094359 + 7.68 = 13.6; sd √(13.6 / 4) = 1.843909;
    // z(13) = 1.307180 / 1.843909 = 0.708918
    assertThat(z.offer(0, 13)).isFalse();
    assertThat(z.lastScore()).isCloseTo(0.708918, within(1e-6));
    assertThat(z.offer(0, Double.NaN)).isFalse();
  }

  @Test
  void streamingZScoreDoesNotLockUpAfterAConstantHistory() {
    StreamingZScore z = new StreamingZScore(new ZScoreConfig(3, 4, true));
    for (int i = 0; i < 10; i++) {
      z.offer(0, 0.0);
    }
    // σ = 0: the first non-zero value cannot be standardised, so it is learned rather than flagged forever
    assertThat(z.offer(0, 1.0)).isFalse();
    assertThat(z.lastScore()).isNaN();
    // ten zeros and a one: mean 1/11 = 0.090909, sd √((10/121 + 100/121) / 10) = 0.301511; z = 0.909091 / 0.301511
    // = 3.0151 > 3: flagged, and admitted clipped to 0.090909 + 3 × 0.301511 = 0.995443
    assertThat(z.offer(0, 1.0)).isTrue();
    assertThat(z.lastScore()).isCloseTo(3.015113, within(1e-6));
    assertThat(z.offer(0, 1.0)).isFalse(); // the clipped value still widened σ: the new level is being learned
  }

  @Test
  void batchHampel() {
    double[] x = {1, 2, 3, 4, 50, 6, 7, 8, 9};
    // index 4, window 1..7 = {2,3,4,50,6,7,8}: median 6; |dev| = {4,3,2,44,0,1,2} → MAD 2; σ = 2.9652;
    // score 44 / 2.9652 = 14.839. Edge windows {1,2,3,4}: median 2.5, MAD 1, score 1.5 / 1.4826 = 1.01.
    List<Anomaly> found = new HampelDetector(HampelConfig.DEFAULT).detect(grid(9), x);
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.index()).isEqualTo(4);
      assertThat(a.expected()).isEqualTo(6.0);
      assertThat(a.score()).isCloseTo(44 / (2 * 1.4826), within(1e-9));
    });
  }

  @Test
  void streamingHampel() {
    StreamingHampel h = new StreamingHampel(new HampelConfig(2, 3, 1e-3));
    for (double v : new double[] {10, 11, 10, 11}) {
      assertThat(h.offer(0, v)).isFalse();
    }
    // ring {10,11,10,11}: median 10.5, MAD 0.5, σ 0.7413; score (30 − 10.5) / 0.7413 = 26.305
    assertThat(h.offer(0, 30)).isTrue();
    assertThat(h.lastExpected()).isEqualTo(10.5);
    assertThat(h.lastScore()).isCloseTo(19.5 / (0.5 * 1.4826), within(1e-9));
    assertThat(h.offer(0, 10.8)).isFalse();
  }

  private static double[] weeklyPattern(int days) {
    double[] x = new double[96 * days];
    for (int i = 0; i < x.length; i++) {
      int day = i / 96; // day 0 is a Monday
      boolean weekend = day % 7 >= 5;
      x[i] = (weekend ? 2 : 1) + (i % 96) / 96.0;
    }
    return x;
  }

  @Test
  void batchSeasonalUsesSlotAndDayType() {
    double[] x = weeklyPattern(28);
    int wednesday40 = 96 * 9 + 40; // second Wednesday, slot 40
    x[wednesday40] += 1;
    List<Anomaly> found = new SeasonalDetector(SeasonalConfig.DEFAULT).detect(grid(x.length), x);
    // weekday slot 40 profile = 1 + 40/96; flat buckets: σ floor 0.01 → score 1 / 0.01 = 100
    assertThat(found).singleElement().satisfies(a -> {
      assertThat(a.index()).isEqualTo(wednesday40);
      assertThat(a.expected()).isCloseTo(1 + 40 / 96.0, within(1e-12));
      assertThat(a.score()).isCloseTo(100, within(1e-6));
    });
  }

  @Test
  void streamingSeasonalFlagsOnlyAfterWarmup() {
    double[] x = weeklyPattern(28);
    int late = 96 * 23 + 40; // Wednesday of week 4
    x[late] += 1;
    StreamingSeasonal s = new StreamingSeasonal(SeasonalConfig.DEFAULT);
    long[] t = grid(x.length);
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (s.offer(t[i], x[i])) {
        flagged.add(i);
      }
    }
    assertThat(flagged).containsExactly(late);
  }

  private static double[] ar1(int n, double phi, long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[n];
    for (int i = 1; i < n; i++) {
      x[i] = phi * x[i - 1] + rnd.nextGaussian();
    }
    return x;
  }

  @Test
  void armaResidualsFindAnInjectedSpike() {
    double[] x = ar1(2000, 0.6, 7);
    x[1000] += 10;
    List<Anomaly> found = ArmaResidualDetector.fitting(ArimaOrder.of(1, 0, 0), 4.5).detect(grid(x.length), x);
    assertThat(found).extracting(Anomaly::index).contains(1000);
    assertThat(found.size()).isLessThan(5);
  }

  @Test
  void armaWithKnownModelPredictsFromThePast() {
    // AR(1), φ = 0.5, σ² = 1, mean 0: prediction of x[t] = 0.5 × x[t−1]
    ArimaModel model = new ArimaModel(ArimaOrder.of(1, 0, 0), new double[] {0.5}, new double[0], 0, 1);
    StreamingArma a = new StreamingArma(model, 3);
    assertThat(a.offer(0, 2.0)).isFalse();
    assertThat(a.offer(0, 1.5)).isFalse();
    assertThat(a.lastExpected()).isCloseTo(1.0, within(1e-12)); // 0.5 × 2.0
    assertThat(a.offer(0, 6.0)).isTrue(); // expected 0.75, residual 5.25 / σ 1 > 3
    assertThat(a.lastScore()).isCloseTo(5.25, within(1e-9));
    // the flagged value was fed as missing: the next prediction is 0.5² × 1.5 = 0.375
    a.offer(0, 0.0);
    assertThat(a.lastExpected()).isCloseTo(0.375, within(1e-12));
  }

  @Test
  void streamingStateSurvivesSerialisation() throws Exception {
    double[] x = weeklyPattern(14);
    long[] t = grid(x.length);
    List<StreamingDetector> detectors = List.of(new StreamingZScore(ZScoreConfig.THREE_SIGMA),
        new StreamingHampel(HampelConfig.DEFAULT), new StreamingSeasonal(SeasonalConfig.DEFAULT),
        new StreamingArma(new ArimaModel(ArimaOrder.of(1, 0, 0), new double[] {0.5}, new double[0], 1, 1), 3));
    for (StreamingDetector d : detectors) {
      for (int i = 0; i < x.length / 2; i++) {
        d.offer(t[i], x[i]);
      }
      StreamingDetector copy = roundTrip(d);
      for (int i = x.length / 2; i < x.length; i++) {
        assertThat(copy.offer(t[i], x[i])).isEqualTo(d.offer(t[i], x[i]));
        assertThat(Double.compare(copy.lastScore(), d.lastScore())).isZero();
      }
    }
  }

  private static StreamingDetector roundTrip(StreamingDetector d) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (StreamingDetector) in.readObject();
    }
  }

  /** Arbitrary values with holes and extremes: no detector throws, NaN is never flagged. */
  @Property(tries = 100, seed = "645")
  void detectorsNeverThrowOrFlagMissing(
      @ForAll @Size(min = 0, max = 400) List<@DoubleRange(min = -1e6, max = 1e6) Double> raw) {
    double[] x = new double[raw.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.abs(raw.get(i)) < 1e4 ? Double.NaN : raw.get(i);
    }
    long[] t = grid(x.length);
    List<AnomalyDetector> batch = List.of(new ZScoreDetector(ZScoreConfig.TWO_SIGMA),
        new HampelDetector(HampelConfig.DEFAULT), new SeasonalDetector(SeasonalConfig.DEFAULT));
    for (AnomalyDetector d : batch) {
      assertThat(d.detect(t, x)).allSatisfy(a -> assertThat(Double.isNaN(x[a.index()])).isFalse());
    }
    List<StreamingDetector> streaming = List.of(new StreamingZScore(ZScoreConfig.TWO_SIGMA),
        new StreamingHampel(HampelConfig.DEFAULT), new StreamingSeasonal(SeasonalConfig.DEFAULT));
    for (StreamingDetector d : streaming) {
      for (int i = 0; i < x.length; i++) {
        boolean flagged = d.offer(t[i], x[i]);
        assertThat(flagged && Double.isNaN(x[i])).isFalse();
      }
    }
  }

  @Test
  void everyBatchDetectorChecksItsArgumentsBeforeItWorks() {
    double[] flat = {10, 10, 10, 10, 10, 10, 10, 10, 400};
    ArimaModel ar1 = new ArimaModel(new ArimaOrder(1, 0, 0), new double[] {0.5}, new double[0], 10, 1);
    List<AnomalyDetector> detectors = List.of(new ZScoreDetector(ZScoreConfig.TWO_SIGMA),
        new HampelDetector(HampelConfig.DEFAULT), new SeasonalDetector(SeasonalConfig.DEFAULT),
        ArmaResidualDetector.withModel(ar1, 3));
    for (AnomalyDetector d : detectors) {
      assertThatThrownBy(() -> d.detect(null, flat)).as(d.name())
          .isInstanceOf(NullPointerException.class)
          .hasMessage("epochMillis: timestamps are required, one per value");
      assertThatThrownBy(() -> d.detect(grid(9), null)).as(d.name())
          .isInstanceOf(NullPointerException.class).hasMessage("values");
      assertThatThrownBy(() -> d.detect(grid(8), flat)).as(d.name())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("epochMillis and values differ in length: 8 timestamps, 9 values");
    }
  }
}
