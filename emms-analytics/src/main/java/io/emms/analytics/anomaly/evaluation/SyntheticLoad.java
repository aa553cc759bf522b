package io.emms.analytics.anomaly.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic residential load: 15-minute interval energy with a morning and an evening peak, a weekend
 * shape, a slowly varying daily level and multiplicative noise; anomalies are injected at random, separated
 * positions after a clean first week (so streaming and history-based detectors have something to learn from).
 */
public final class SyntheticLoad {

  /** Monday 2026-01-05 00:00 UTC. */
  public static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
  private static final long Q = 15 * 60_000L;
  private static final int WARMUP = 7 * 96;

  private SyntheticLoad() {}

  /** The clean series of {@code days} days. */
  public static double[] clean(int days, long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[days * 96];
    double level = 1;
    for (int d = 0; d < days; d++) {
      level = 0.8 * level + 0.2 * (1 + 0.15 * rnd.nextGaussian());
      boolean weekend = d % 7 >= 5;
      for (int s = 0; s < 96; s++) {
        double hour = s / 4.0;
        double shape = 0.08 + 0.22 * bump(hour, weekend ? 9.5 : 7.5, 1.2) + 0.35 * bump(hour, 19.5, 2.0)
            + (weekend ? 0.1 * bump(hour, 14, 3) : 0);
        x[d * 96 + s] = Math.max(0.01, level * shape * Math.exp(0.15 * rnd.nextGaussian()));
      }
    }
    return x;
  }

  private static double bump(double hour, double centre, double width) {
    double z = (hour - centre) / width;
    return Math.exp(-0.5 * z * z);
  }

  /** A series of {@code days} days with {@code events} injections of one kind. */
  public static LabelledSeries withAnomalies(int days, AnomalyKind kind, int events, long seed) {
    double[] x = clean(days, seed);
    Random rnd = new Random(seed ^ 0x5DEECE66DL);
    int span = span(kind);
    int slot = (x.length - WARMUP) / events;
    if (slot < span + 2 * 96) {
      throw new IllegalArgumentException(days + " days are too few for " + events + " " + kind + " events");
    }
    List<Injection> truth = new ArrayList<>();
    for (int e = 0; e < events; e++) {
      int from = WARMUP + e * slot + rnd.nextInt(slot - span - 96);
      inject(x, kind, from, span, rnd);
      truth.add(new Injection(kind, from, from + span));
    }
    long[] t = new long[x.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = START + i * Q;
    }
    return new LabelledSeries(t, x, truth);
  }

  private static int span(AnomalyKind kind) {
    return switch (kind) {
      case SPIKE, ROLLOVER -> 1;
      case STUCK, ZERO_RUN -> 16;
      case GAP -> 12;
      case DRIFT -> 192;
      case THEFT_DROP -> 288;
    };
  }

  private static void inject(double[] x, AnomalyKind kind, int from, int span, Random rnd) {
    switch (kind) {
      case SPIKE -> x[from] += 1.5 + 1.5 * rnd.nextDouble();
      case ROLLOVER -> x[from] -= 1_000_000;
      case STUCK -> {
        for (int i = from; i < from + span; i++) {
          x[i] = x[from - 1];
        }
      }
      case ZERO_RUN -> fill(x, from, span, 0);
      case GAP -> fill(x, from, span, Double.NaN);
      case DRIFT -> {
        for (int i = from; i < from + span; i++) {
          x[i] *= 1 + 0.6 * (i - from + 1) / span;
        }
      }
      case THEFT_DROP -> {
        for (int i = from; i < from + span; i++) {
          x[i] *= 0.3;
        }
      }
    }
  }

  private static void fill(double[] x, int from, int span, double v) {
    for (int i = from; i < from + span; i++) {
      x[i] = v;
    }
  }
}
