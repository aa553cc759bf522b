package io.emms.analytics.profile;

import java.util.Objects;

/**
 * How each daily profile is scaled before clustering, so that k-means groups shapes rather than sizes. A profile
 * that cannot be scaled (sum or maximum not positive, or no spread for a z-score) becomes all zeros.
 */
public enum Normalisation {
  /** Leave values as they are. */
  NONE,
  /** Divide by the day's total: each profile sums to 1. */
  SUM,
  /** Divide by the day's maximum: each profile peaks at 1. */
  MAX,
  /** Subtract the day's mean and divide by its (population) standard deviation. */
  Z_SCORE;

  /** A normalised copy of the rows of {@code profiles}, {@code dimension} values each. */
  public double[] apply(double[] profiles, int dimension) {
    Objects.requireNonNull(profiles, "profiles");
    if (dimension < 1 || profiles.length % dimension != 0) {
      throw new IllegalArgumentException(profiles.length + " values are not rows of " + dimension);
    }
    double[] out = profiles.clone();
    for (int offset = 0; offset < out.length; offset += dimension) {
      applyInPlace(out, offset, dimension);
    }
    return out;
  }

  void applyInPlace(double[] v, int from, int length) {
    int to = from + length;
    switch (this) {
      case NONE -> { }
      case SUM -> scale(v, from, to, 0, sum(v, from, to));
      case MAX -> scale(v, from, to, 0, max(v, from, to));
      case Z_SCORE -> {
        double mean = sum(v, from, to) / length;
        double squares = 0;
        for (int i = from; i < to; i++) {
          squares += (v[i] - mean) * (v[i] - mean);
        }
        scale(v, from, to, mean, Math.sqrt(squares / length));
      }
    }
  }

  private static void scale(double[] v, int from, int to, double shift, double divisor) {
    for (int i = from; i < to; i++) {
      v[i] = divisor > 0 ? (v[i] - shift) / divisor : 0;
    }
  }

  private static double sum(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s;
  }

  private static double max(double[] v, int from, int to) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      m = Math.max(m, v[i]);
    }
    return m;
  }
}
