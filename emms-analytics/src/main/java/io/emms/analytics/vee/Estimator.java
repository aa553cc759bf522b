package io.emms.analytics.vee;

import io.emms.core.reading.Quality;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** Gap filling on a regular grid; estimates only ever read actual (VALID) values. */
final class Estimator {

  private static final int MAX_DAYS_SEARCHED = 28;

  private final VeeConfig c;
  private final String meterId;
  private final long t0;
  private final long step;
  private final double[] v;
  private final Quality[] q;

  Estimator(VeeConfig config, IntervalData data, List<Finding> findings) {
    this.c = config;
    this.meterId = data.meterId();
    long[] t = data.startMillis();
    double[] e = data.energy();
    this.step = data.interval().toMillis();
    this.t0 = t.length == 0 ? 0 : Arrays.stream(t).min().getAsLong();
    int n = t.length == 0 ? 0 : (int) (Math.round((double) (Arrays.stream(t).max().getAsLong() - t0) / step) + 1);
    this.v = new double[n];
    this.q = new Quality[n];
    Arrays.fill(v, Double.NaN);
    Arrays.fill(q, Quality.NO_DATA);
    for (int i = 0; i < t.length; i++) {
      int k = slot(t[i]);
      if (q[k] == Quality.NO_DATA && !Double.isNaN(e[i])) { // first actual of a duplicated interval wins
        v[k] = e[i];
        q[k] = Quality.VALID;
      }
    }
    for (Finding f : findings) {
      if (c.estimateOver().contains(f.rule())) {
        int k = slot(t[f.index()]);
        v[k] = Double.NaN;
        q[k] = Quality.INVALID;
      }
    }
  }

  private int slot(long millis) {
    return (int) Math.round((double) (millis - t0) / step);
  }

  EstimatedSeries run() {
    double[] actual = v.clone();
    Quality[] actualQ = q.clone();
    int maxInterpolated = (int) (c.maxInterpolationGap().toMillis() / step);
    int i = 0;
    while (i < v.length) {
      if (actualQ[i] == Quality.VALID) {
        i++;
        continue;
      }
      int end = i;
      while (end < v.length && actualQ[end] != Quality.VALID) {
        end++;
      }
      boolean inside = i > 0 && end < v.length;
      if (inside && end - i <= maxInterpolated) {
        interpolate(i, end);
      } else {
        for (int k = i; k < end; k++) {
          likeDay(k, actual, actualQ);
        }
      }
      i = end;
    }
    long[] starts = new long[v.length];
    for (int k = 0; k < starts.length; k++) {
      starts[k] = t0 + k * step;
    }
    for (int k = 0; k < q.length; k++) {
      if (q[k] == Quality.INVALID) {
        q[k] = Quality.NO_DATA; // invalid actual with no estimate: withheld, not kept
      }
    }
    return new EstimatedSeries(meterId, starts, v, q);
  }

  private void interpolate(int from, int to) {
    double left = v[from - 1];
    double right = v[to];
    int n = to - from + 1;
    for (int k = from; k < to; k++) {
      v[k] = left + (right - left) * (k - from + 1) / n;
      q[k] = Quality.ESTIMATED;
    }
  }

  private void likeDay(int k, double[] actual, Quality[] actualQ) {
    ZonedDateTime at = Instant.ofEpochMilli(t0 + k * step).atZone(c.zone());
    boolean weekend = weekend(at.getDayOfWeek());
    double sum = 0;
    int found = 0;
    // Nearest days first, alternating back and forward, same day type only.
    for (int d = 1; d <= MAX_DAYS_SEARCHED && found < c.likeDays(); d++) {
      for (int sign = -1; sign <= 1 && found < c.likeDays(); sign += 2) {
        ZonedDateTime other = at.plusDays((long) sign * d);
        int j = slot(other.toInstant().toEpochMilli());
        if (j >= 0 && j < actual.length && actualQ[j] == Quality.VALID && weekend(other.getDayOfWeek()) == weekend) {
          sum += actual[j];
          found++;
        }
      }
    }
    if (found > 0) {
      v[k] = sum / found;
      q[k] = Quality.ESTIMATED;
    }
  }

  private static boolean weekend(DayOfWeek d) {
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
