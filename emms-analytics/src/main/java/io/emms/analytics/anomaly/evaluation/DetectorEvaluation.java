package io.emms.analytics.anomaly.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Event-level precision and recall of flag sources on synthetic series. An injected event counts as detected
 * when at least one flag overlaps its span widened by {@code tolerance} intervals on both sides; a flag is a
 * true positive when it overlaps such a widened span. Each kind is evaluated on its own series, so
 * precision per kind is measurable.
 */
public final class DetectorEvaluation {

  /**
   * One detector on one kind, summed over the trials.
   *
   * @param detector the flag source's name
   * @param kind the injected kind
   * @param events events injected
   * @param detected events with a flag nearby
   * @param flags all flags raised
   * @param truePositives flags near an event
   */
  public record Row(String detector, AnomalyKind kind, int events, int detected, int flags, int truePositives) {

    public double recall() {
      return events == 0 ? Double.NaN : (double) detected / events;
    }

    /** NaN when nothing was flagged. */
    public double precision() {
      return flags == 0 ? Double.NaN : (double) truePositives / flags;
    }
  }

  private DetectorEvaluation() {}

  /**
   * Runs every source on {@code trials} seeded series per kind.
   *
   * @param days length of each series (at least 7 clean days come first)
   * @param events events injected per series
   * @param tolerance widening of each event span, in intervals
   */
  public static List<Row> evaluate(List<FlagSource> sources, List<AnomalyKind> kinds, int days, int events,
      int trials, long seed, int tolerance) {
    List<Row> rows = new ArrayList<>();
    for (AnomalyKind kind : kinds) {
      List<LabelledSeries> series = new ArrayList<>();
      for (int trial = 0; trial < trials; trial++) {
        series.add(SyntheticLoad.withAnomalies(days, kind, events, seed + 7919L * trial));
      }
      for (FlagSource source : sources) {
        rows.add(score(source, kind, series, tolerance));
      }
    }
    return rows;
  }

  private static Row score(FlagSource source, AnomalyKind kind, List<LabelledSeries> series, int tolerance) {
    int events = 0;
    int detected = 0;
    int flags = 0;
    int truePositives = 0;
    for (LabelledSeries s : series) {
      List<FlagSource.Flag> flagged = source.flag(s.epochMillis(), s.values());
      for (FlagSource.Flag f : flagged) {
        flags++;
        if (s.truth().stream().anyMatch(inj -> overlaps(f, inj, tolerance))) {
          truePositives++;
        }
      }
      for (Injection inj : s.truth()) {
        events++;
        if (flagged.stream().anyMatch(f -> overlaps(f, inj, tolerance))) {
          detected++;
        }
      }
    }
    return new Row(source.name(), kind, events, detected, flags, truePositives);
  }

  private static boolean overlaps(FlagSource.Flag f, Injection inj, int tolerance) {
    return f.from() < inj.to() + tolerance && f.to() > inj.from() - tolerance;
  }

  /** The rows as a Markdown table: one line per kind, precision/recall per detector. */
  public static String markdown(List<Row> rows) {
    List<String> detectors = rows.stream().map(Row::detector).distinct().toList();
    StringBuilder md = new StringBuilder("| kind |");
    detectors.forEach(d -> md.append(' ').append(d).append(" P / R |"));
    md.append("\n|---|");
    detectors.forEach(d -> md.append("---|"));
    md.append('\n');
    for (AnomalyKind kind : rows.stream().map(Row::kind).distinct().toList()) {
      md.append("| ").append(kind).append(" |");
      for (String d : detectors) {
        rows.stream().filter(r -> r.kind() == kind && r.detector().equals(d)).findFirst()
            .ifPresent(r -> md.append(String.format(Locale.ROOT, " %s / %.2f |", fmt(r.precision()), r.recall())));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String fmt(double precision) {
    return Double.isNaN(precision) ? "–" : String.format(Locale.ROOT, "%.2f", precision);
  }
}
