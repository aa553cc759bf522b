package io.emms.analytics.anomaly.evaluation;

import io.emms.analytics.anomaly.AnomalyDetector;
import io.emms.analytics.anomaly.StreamingDetector;
import io.emms.analytics.vee.Finding;
import io.emms.analytics.vee.IntervalData;
import io.emms.analytics.vee.VeeEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;


/** Anything that flags spans of a series: a batch detector, a fresh streaming detector, or VEE. */
public interface FlagSource {

  /**
   * One flag covering indices {@code [from, to)}: a single point for detectors, a run or a whole day for VEE's
   * run and day rules.
   */
  record Flag(int from, int to) {
    static Flag point(int i) {
      return new Flag(i, i + 1);
    }
  }

  String name();

  /** Flags raised on the series, in any order. */
  List<Flag> flag(long[] epochMillis, double[] values);

  static FlagSource batch(AnomalyDetector detector) {
    return new FlagSource() {
      @Override
      public String name() {
        return detector.name();
      }

      @Override
      public List<Flag> flag(long[] epochMillis, double[] values) {
        return detector.detect(epochMillis, values).stream().map(a -> Flag.point(a.index())).toList();
      }
    };
  }

  /** A streaming detector, a new instance per series. */
  static FlagSource streaming(Supplier<StreamingDetector> detectors) {
    String name = "streaming-" + detectors.get().name();
    return new FlagSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Flag> flag(long[] epochMillis, double[] values) {
        StreamingDetector d = detectors.get();
        List<Flag> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          if (d.offer(epochMillis[i], values[i])) {
            out.add(Flag.point(i));
          }
        }
        return out;
      }
    };
  }

  /** VEE findings: day rules flag their day, run rules (gap, zero, stuck) their run, the others their interval. */
  static FlagSource vee(VeeEngine engine, Duration interval) {
    return new FlagSource() {
      @Override
      public String name() {
        return "vee";
      }

      @Override
      public List<Flag> flag(long[] epochMillis, double[] values) {
        int perDay = (int) (Duration.ofDays(1).toMillis() / interval.toMillis());
        return engine.validate(IntervalData.of("eval", interval, epochMillis, values)).findings().stream()
            .map(f -> new Flag(f.index(), f.index() + length(f, perDay))).toList();
      }
    };
  }

  private static int length(Finding f, int perDay) {
    return switch (f.rule()) {
      case HIGH_VS_HISTORY, LOW_VS_HISTORY, SUM_CHECK -> perDay;
      case GAP, ZERO_WHILE_ACTIVE, STUCK_VALUE -> Math.max(1, (int) f.value());
      default -> 1;
    };
  }
}
