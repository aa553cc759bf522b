package io.emms.analytics.theft.evaluation;

import io.emms.analytics.theft.FdiAttack;
import io.emms.analytics.theft.PatternBaseline;
import io.emms.analytics.theft.TheftPatternDetector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Theft-detection quality on synthetic customers: honest meters (some away on holiday, some changing habits) and
 * meters tampered with from the first evaluation day on, one {@link FdiAttack} type each, as in Jokar et al. 2016.
 *
 * <p>Every meter has {@code referenceDays} honest days to learn from, then {@code evaluationDays} days scored
 * daily over a trailing window. Per attack type: ROC AUC against the honest meters and recall at the detector's
 * alarm threshold, on the last window. Overall: AUC, precision and recall at the threshold (at this benchmark's
 * share of thieves), and the false alarms on honest meters — the share of honest meter-days in alarm and the new
 * alarms per 1 000 meters per day (a meter already in alarm raises no second one).
 *
 * @param honestMeters how many honest meters
 * @param metersPerAttack how many tampered meters of each type
 * @param referenceDays honest days learnt from
 * @param evaluationDays days scored after them
 * @param windowDays days in one scored window
 * @param holidayChance share of honest meters away 3 to 10 days during the evaluation
 * @param habitChangeChance share of honest meters changing habits for good during the evaluation
 * @param seed makes the whole benchmark reproducible
 */
public record TheftBenchmark(int honestMeters, int metersPerAttack, int referenceDays, int evaluationDays,
    int windowDays, double holidayChance, double habitChangeChance, long seed) {

  /** 1 200 honest meters (20 % away on holiday, 10 % changing habits), 100 per attack, 28 + 28 days, 14-day window. */
  public static final TheftBenchmark STANDARD = new TheftBenchmark(1200, 100, 28, 28, 14, 0.2, 0.1, 2016);

  /** Checks the sizes. */
  public TheftBenchmark {
    if (honestMeters < 1 || metersPerAttack < 1 || referenceDays < 7 || windowDays < 1
        || evaluationDays < windowDays) {
      throw new IllegalArgumentException("need meters on both sides, at least 7 reference days and"
          + " evaluationDays >= windowDays >= 1");
    }
  }

  /** Quality of one attack type. */
  public record AttackRow(FdiAttack attack, int meters, double auc, double recall) {}

  /**
   * The outcome.
   *
   * @param rows one per attack type
   * @param auc all tampered meters against all honest ones
   * @param precision tampered meters among those in alarm on the last window
   * @param recall tampered meters in alarm on the last window
   * @param honestDayAlarmShare share of honest meter-days whose window is in alarm
   * @param newAlarmsPer1000MetersPerDay alarms raised on honest meters per 1 000 meters per day
   */
  public record Result(List<AttackRow> rows, double auc, double precision, double recall,
      double honestDayAlarmShare, double newAlarmsPer1000MetersPerDay) {

    /** The result as a Markdown table and a summary line. */
    public String markdown() {
      StringBuilder out = new StringBuilder("| attack | meters | ROC AUC | recall at threshold |\n|---|---|---|---|\n");
      for (AttackRow row : rows) {
        out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", row.attack(), row.meters(), row.auc(),
            row.recall()));
      }
      out.append(String.format(Locale.ROOT, "| all | %d | %.3f | %.3f |%n", rows.stream()
          .mapToInt(AttackRow::meters).sum(), auc, recall));
      out.append(String.format(Locale.ROOT, "%nprecision %.3f; honest meter-days in alarm %.4f; new false alarms per"
          + " 1 000 meters per day %.2f%n", precision, honestDayAlarmShare, newAlarmsPer1000MetersPerDay));
      return out.toString();
    }
  }

  /** Runs the benchmark with {@code detector}. */
  public Result run(TheftPatternDetector detector) {
    Objects.requireNonNull(detector, "detector");
    int days = referenceDays + evaluationDays;
    double[] honestLast = new double[honestMeters];
    long honestWindows = 0;
    long honestAlarmWindows = 0;
    long newAlarms = 0;
    for (int m = 0; m < honestMeters; m++) {
      double[] x = SyntheticCustomers.days(seed * 1_000_003L + m, days, referenceDays, holidayChance,
          habitChangeChance);
      double[] scores = windowScores(detector, x);
      honestLast[m] = scores[scores.length - 1];
      boolean inAlarm = false;
      for (double score : scores) {
        boolean alarm = detector.alarms(score);
        honestWindows++;
        honestAlarmWindows += alarm ? 1 : 0;
        newAlarms += alarm && !inAlarm ? 1 : 0;
        inAlarm = alarm;
      }
    }
    Map<FdiAttack, double[]> tampered = new EnumMap<>(FdiAttack.class);
    for (FdiAttack attack : FdiAttack.values()) {
      double[] last = new double[metersPerAttack];
      for (int m = 0; m < metersPerAttack; m++) {
        long meterSeed = seed * 7_000_003L + attack.ordinal() * 100_003L + m;
        double[] x = SyntheticCustomers.days(meterSeed, days, days, 0, 0);
        tamper(x, attack, new SplittableRandom(~meterSeed));
        double[] scores = windowScores(detector, x);
        last[m] = scores[scores.length - 1];
      }
      tampered.put(attack, last);
    }
    return summarise(detector, honestLast, tampered, (double) honestAlarmWindows / honestWindows,
        1000.0 * newAlarms / honestWindows);
  }

  private Result summarise(TheftPatternDetector detector, double[] honestLast, Map<FdiAttack, double[]> tampered,
      double honestDayAlarmShare, double newAlarmsPerThousand) {
    List<AttackRow> rows = new ArrayList<>();
    double[] all = new double[tampered.size() * metersPerAttack];
    int n = 0;
    int caught = 0;
    for (Map.Entry<FdiAttack, double[]> e : tampered.entrySet()) {
      int hits = countAlarms(detector, e.getValue());
      caught += hits;
      rows.add(new AttackRow(e.getKey(), metersPerAttack, RocAuc.of(e.getValue(), honestLast),
          (double) hits / metersPerAttack));
      System.arraycopy(e.getValue(), 0, all, n, metersPerAttack);
      n += metersPerAttack;
    }
    int falseAlarms = countAlarms(detector, honestLast);
    double precision = caught + falseAlarms == 0 ? Double.NaN : (double) caught / (caught + falseAlarms);
    return new Result(List.copyOf(rows), RocAuc.of(all, honestLast), precision, (double) caught / all.length,
        honestDayAlarmShare, newAlarmsPerThousand);
  }

  private static int countAlarms(TheftPatternDetector detector, double[] scores) {
    int count = 0;
    for (double score : scores) {
      count += detector.alarms(score) ? 1 : 0;
    }
    return count;
  }

  /** The scores of the windows ending on each evaluation day from the first full window on. */
  private double[] windowScores(TheftPatternDetector detector, double[] x) {
    int t = SyntheticCustomers.INTERVALS;
    double[] reference = new double[referenceDays * t];
    System.arraycopy(x, 0, reference, 0, reference.length);
    PatternBaseline baseline = detector.learn(reference, t);
    int first = referenceDays + windowDays;
    int last = referenceDays + evaluationDays;
    double[] scores = new double[last - first + 1];
    for (int end = first; end <= last; end++) {
      scores[end - first] = detector.scoreWindow(baseline, x, end - windowDays, end);
    }
    return scores;
  }

  private void tamper(double[] x, FdiAttack attack, SplittableRandom random) {
    int t = SyntheticCustomers.INTERVALS;
    double[] day = new double[t];
    double[] reported = new double[t];
    for (int d = referenceDays; d < referenceDays + evaluationDays; d++) {
      System.arraycopy(x, d * t, day, 0, t);
      attack.apply(day, reported, random);
      System.arraycopy(reported, 0, x, d * t, t);
    }
  }
}
