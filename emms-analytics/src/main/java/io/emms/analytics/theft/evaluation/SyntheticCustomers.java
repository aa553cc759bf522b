package io.emms.analytics.theft.evaluation;

import java.util.SplittableRandom;

/**
 * Seeded synthetic residential customers, 15-minute interval energy, each with its own base load, morning,
 * midday and evening peaks, weekend habits, a slowly varying daily level and multiplicative noise. Some honest
 * customers also do what makes theft detection hard: go away for a few days (only standby load remains) or
 * change their habits for good (peaks move, the level changes).
 */
public final class SyntheticCustomers {

  /** Intervals per day. */
  public static final int INTERVALS = 96;

  private SyntheticCustomers() {}

  /**
   * One customer's interval energies, row-major ({@code days × 96}), Monday first.
   *
   * @param seed the customer
   * @param days how many days
   * @param honestChangesFrom the first day on which a holiday or a change of habits may start (both stay off
   *     before it, so that the days before form an honest history)
   * @param holidayChance probability that the customer is away 3 to 10 days from {@code honestChangesFrom} on
   * @param habitChangeChance probability that the customer changes habits for good on some day from
   *     {@code honestChangesFrom} on
   */
  public static double[] days(long seed, int days, int honestChangesFrom, double holidayChance,
      double habitChangeChance) {
    SplittableRandom random = new SplittableRandom(seed);
    Habits habits = Habits.draw(random);
    int span = days - honestChangesFrom;
    int holidayFrom = Integer.MAX_VALUE;
    int holidayTo = Integer.MIN_VALUE;
    if (span > 3 && random.nextDouble() < holidayChance) {
      int length = 3 + random.nextInt(Math.min(8, span - 2));
      holidayFrom = honestChangesFrom + random.nextInt(span - length + 1);
      holidayTo = holidayFrom + length;
    }
    int changeFrom = span > 0 && random.nextDouble() < habitChangeChance
        ? honestChangesFrom + random.nextInt(span) : Integer.MAX_VALUE;
    Habits changed = habits.changed(random);
    double[] x = new double[days * INTERVALS];
    double level = 1;
    for (int d = 0; d < days; d++) {
      level = 0.8 * level + 0.2 * (1 + 0.12 * gaussian(random));
      boolean away = d >= holidayFrom && d < holidayTo;
      Habits today = d >= changeFrom ? changed : habits;
      boolean weekend = d % 7 >= 5;
      for (int s = 0; s < INTERVALS; s++) {
        double mean = away ? habits.base : today.energy(s / 4.0, weekend) * level;
        x[d * INTERVALS + s] = mean * Math.exp(habits.noise * gaussian(random));
      }
    }
    return x;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller on the splittable generator, so every customer's stream is independent of the others'.
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** What one household does with its day. */
  private record Habits(double base, double morningAt, double morningWidth, double morning, double middayAt,
      double midday, double eveningAt, double eveningWidth, double evening, double scale, double noise) {

    static Habits draw(SplittableRandom r) {
      return new Habits(r.nextDouble(0.03, 0.12), r.nextDouble(6, 9), r.nextDouble(0.7, 1.5),
          r.nextDouble(0.05, 0.4), r.nextDouble(12, 15), r.nextDouble(0, 0.2), r.nextDouble(17.5, 21.5),
          r.nextDouble(1.2, 2.5), r.nextDouble(0.15, 0.6), 1, r.nextDouble(0.1, 0.3));
    }

    /** The same household after a lasting change: peaks an hour to three earlier or later, level ±25 %. */
    Habits changed(SplittableRandom r) {
      double shift = (r.nextBoolean() ? 1 : -1) * r.nextDouble(1, 3);
      return new Habits(base, morningAt + shift, morningWidth, morning, middayAt, midday, eveningAt + shift,
          eveningWidth, evening, r.nextDouble(0.75, 1.25), noise);
    }

    double energy(double hour, boolean weekend) {
      double m = weekend ? morningAt + 1.5 : morningAt;
      double noon = weekend ? 2 * midday : midday;
      return scale * (base + morning * bump(hour, m, morningWidth) + noon * bump(hour, middayAt, 2)
          + evening * bump(hour, eveningAt, eveningWidth));
    }

    private static double bump(double hour, double centre, double width) {
      double z = (hour - centre) / width;
      return Math.exp(-0.5 * z * z);
    }
  }
}
