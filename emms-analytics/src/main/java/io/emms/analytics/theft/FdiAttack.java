package io.emms.analytics.theft;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The six false-data-injection theft types of Jokar, Arianpoo and Leung, "Electricity Theft Detection in AMI Using
 * Customers' Consumption Patterns", IEEE Trans. Smart Grid 7(1), 2016, §III-B: what a tampered meter reports for a
 * day whose true consumption is {@code x[0..T)}. Random parameters are drawn per day, in the ranges of the paper's
 * definitions: α and γ from [0.1, 0.8], an off window of at least 4 hours.
 */
public enum FdiAttack {
  /** h1: every interval scaled by one α ∈ [0.1, 0.8] for the day. */
  SCALED,
  /** h2: nothing recorded during one window of at least 4 hours (β = 0 there, 1 elsewhere). */
  ON_OFF,
  /** h3: every interval scaled by its own γ ∈ [0.1, 0.8]. */
  RANDOM_SCALED,
  /** h4: every interval replaced by γ times the day's mean, γ ∈ [0.1, 0.8] per interval. */
  RANDOM_MEAN,
  /** h5: every interval replaced by the day's mean (the bill is unchanged; the shape is gone). */
  MEAN,
  /** h6: the day reported in reverse order (the bill is unchanged; peaks move to cheap hours). */
  REVERSED;

  private static final double LOW = 0.1;
  private static final double HIGH = 0.8;
  private static final double MIN_OFF_HOURS = 4;

  /**
   * Writes the reported day into {@code out}.
   *
   * @param day the true interval energies of one day, {@code T} values
   * @param out receives the reported values; may be {@code day} itself except for {@link #REVERSED}
   * @param random draws this day's parameters
   */
  public void apply(double[] day, double[] out, SplittableRandom random) {
    int t = day.length;
    if (out.length != t) {
      throw new IllegalArgumentException("out has " + out.length + " values for a day of " + t);
    }
    switch (this) {
      case SCALED -> scale(day, out, random.nextDouble(LOW, HIGH));
      case ON_OFF -> onOff(day, out, random);
      case RANDOM_SCALED -> {
        for (int i = 0; i < t; i++) {
          out[i] = day[i] * random.nextDouble(LOW, HIGH);
        }
      }
      case RANDOM_MEAN -> {
        double mean = mean(day);
        for (int i = 0; i < t; i++) {
          out[i] = mean * random.nextDouble(LOW, HIGH);
        }
      }
      case MEAN -> Arrays.fill(out, mean(day));
      case REVERSED -> {
        if (out == day) {
          throw new IllegalArgumentException("REVERSED needs an output array apart from the input");
        }
        for (int i = 0; i < t; i++) {
          out[i] = day[t - 1 - i];
        }
      }
    }
  }

  private static void scale(double[] day, double[] out, double factor) {
    for (int i = 0; i < day.length; i++) {
      out[i] = day[i] * factor;
    }
  }

  private static void onOff(double[] day, double[] out, SplittableRandom random) {
    int t = day.length;
    int minOff = (int) Math.ceil(t * MIN_OFF_HOURS / 24);
    int length = minOff + random.nextInt(t - minOff + 1);
    int start = random.nextInt(t - length + 1);
    for (int i = 0; i < t; i++) {
      out[i] = i >= start && i < start + length ? 0 : day[i];
    }
  }

  private static double mean(double[] day) {
    double sum = 0;
    for (double v : day) {
      sum += v;
    }
    return sum / day.length;
  }
}
