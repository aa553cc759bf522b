package io.emms.analytics.arma.internal;

import java.io.Serializable;

/**
 * Kalman filter for {@link ArmaStateSpace}, in units of sigma^2, with a steady-state switch.
 *
 * <p>Once the predicted covariance stops changing, the gain is frozen and each observation costs O(m) instead of
 * O(m^2); a missing observation leaves the steady state because skipping the update grows the covariance again.
 * Optionally a second state vector filters the constant series 1 with the same covariance, so that a mean can be
 * profiled out by generalised least squares: the innovations of {@code y - mu} are {@code v - mu * v1}.
 */
public final class ArmaFilter implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Relative change of the constant filter's innovation below which it counts as settled. */
  private static final double SETTLED = 1e-15;

  private final ArmaStateSpace model;
  private final double tolerance;
  private final int m;
  private final double[] a;
  private final double[] a1;
  private final double[] p;
  private final double[] work;
  private final double[] next;
  private final double[] previous;
  private final double[] gain;
  private boolean converged;
  private double settledV1 = Double.NaN;
  private boolean steady;
  private double steadyF;
  private double innovation;
  private double innovation1;
  private double variance;

  /**
   * Starts from the unconditional state: mean zero, covariance {@code p0} (copied), lag block known exactly.
   *
   * @param withConstant also filter the constant series 1 (for profiling a mean)
   * @param tolerance    relative change of the predicted covariance below which the gain is frozen
   */
  public ArmaFilter(ArmaStateSpace model, double[] p0, boolean withConstant, double tolerance) {
    this.model = model;
    this.tolerance = tolerance;
    this.m = model.states();
    this.a = new double[m];
    this.a1 = withConstant ? new double[m] : null;
    this.p = p0.clone();
    this.work = new double[m * m];
    this.next = new double[m * m];
    this.previous = new double[m * m];
    this.gain = new double[m];
  }

  /** Sets the lag block to known levels, most recent first (needed once before filtering when d > 0). */
  public void setLevels(double[] recentFirst) {
    System.arraycopy(recentFirst, 0, a, model.armaStates(), model.d());
  }

  /** Predicted value Z a of the next observation (before the mean is added). */
  public double predictedMean() {
    return model.observe(a);
  }

  /** Variance Z P Z' of the next prediction error, in units of sigma^2. */
  public double predictedVariance() {
    if (steady) {
      return steadyF;
    }
    double s = 0;
    for (int i = 0; i < m; i++) {
      s += zRow(i) * zDot(i);
    }
    return s;
  }

  /** Innovation v of the last observed step. */
  public double innovation() {
    return innovation;
  }

  /** Innovation of the constant series in the last observed step. */
  public double innovation1() {
    return innovation1;
  }

  /** Variance F of the last innovation, in units of sigma^2. */
  public double variance() {
    return variance;
  }

  /** True once the gain is frozen; then {@link #runSteady} applies. */
  public boolean isSteady() {
    return steady;
  }

  /** The frozen innovation variance F, valid while {@link #isSteady()}. */
  public double steadyVariance() {
    return steadyF;
  }

  /**
   * Frozen-gain recursion over {@code y[from..]} until a missing value or the end, the hot loop of the
   * likelihood: F is constant, so only raw sums are accumulated and the caller divides by F once.
   *
   * @param sums accumulates {sum v^2, sum v v1, sum v1^2, count}; v1 terms only with the constant filter
   * @return the index of the first value not processed (a missing value, or {@code y.length})
   */
  public int runSteady(double[] y, int from, double shift, double[] sums) {
    double svv = 0;
    double svc = 0;
    double scc = 0;
    double sv = 0;
    int settledFrom = -1;
    int t = from;
    for (; t < y.length; t++) {
      double x = y[t];
      if (x != x) {
        break;
      }
      double v = x - shift - model.observe(a);
      advanceInPlace(a, v);
      svv += v * v;
      if (settledFrom >= 0) {
        sv += v;
      } else if (a1 != null) {
        double v1 = 1 - model.observe(a1);
        advanceInPlace(a1, v1);
        svc += v * v1;
        scc += v1 * v1;
        if (Math.abs(v1 - settledV1) <= SETTLED * Math.abs(v1)) {
          settledFrom = t + 1;
        }
        settledV1 = v1;
      }
    }
    if (settledFrom >= 0) {
      // the constant series' filter has reached its fixed point: its innovation no longer changes
      svc += settledV1 * sv;
      scc += settledV1 * settledV1 * (t - settledFrom);
    }
    sums[0] += svv;
    sums[1] += svc;
    sums[2] += scc;
    sums[3] += t - from;
    return t;
  }

  /** a = T (a + gain v) without temporaries; the ARMA block shifts up, the lag block shifts down. */
  private void advanceInPlace(double[] s, double v) {
    int r = model.armaStates();
    int d = model.d();
    double[] phi = model.phi;
    double f0 = s[0] + gain[0] * v;
    double level = f0;
    for (int k = 0; k < d; k++) {
      level += model.diffCoefficients[k] * (s[r + k] + gain[r + k] * v);
    }
    for (int k = d - 1; k > 0; k--) {
      s[r + k] = s[r + k - 1] + gain[r + k - 1] * v;
    }
    if (d > 0) {
      s[r] = level;
    }
    for (int i = 0; i < r - 1; i++) {
      s[i] = phi[i] * f0 + s[i + 1] + gain[i + 1] * v;
    }
    s[r - 1] = phi[r - 1] * f0;
  }

  /**
   * Processes one value (NaN = missing) and predicts the next.
   *
   * @return true if the value was observed and {@link #innovation()} / {@link #variance()} describe it
   */
  public boolean step(double y) {
    if (Double.isNaN(y)) {
      skip();
      return false;
    }
    if (steady) {
      innovation = y - model.observe(a);
      variance = steadyF;
      advance(a, innovation);
      if (a1 != null) {
        innovation1 = 1 - model.observe(a1);
        advance(a1, innovation1);
      }
      return true;
    }
    double f = 0;
    for (int i = 0; i < m; i++) {
      double pz = zDot(i);
      gain[i] = pz;
      f += zRow(i) * pz;
    }
    for (int i = 0; i < m; i++) {
      gain[i] /= f;
    }
    variance = f;
    innovation = y - model.observe(a);
    if (a1 != null) {
      innovation1 = 1 - model.observe(a1);
    }
    if (converged) {
      steady = true;
      steadyF = f;
      advance(a, innovation);
      if (a1 != null) {
        advance(a1, innovation1);
      }
      return true;
    }
    System.arraycopy(p, 0, previous, 0, m * m);
    // P_f = P - (P Z')(P Z')' / F, i.e. P - gain * f * gain'
    for (int i = 0; i < m; i++) {
      double gi = gain[i] * f;
      for (int j = 0; j < m; j++) {
        p[i * m + j] -= gi * gain[j];
      }
    }
    advance(a, innovation);
    if (a1 != null) {
      advance(a1, innovation1);
    }
    predictCovariance();
    converged = unchanged(previous);
    return true;
  }

  private void skip() {
    steady = false;
    converged = false;
    predictState(a);
    if (a1 != null) {
      predictState(a1);
    }
    predictCovariance();
  }

  /** a = T a, through the scratch row (no allocation per missing value). */
  private void predictState(double[] state) {
    System.arraycopy(state, 0, work, 0, m);
    model.transition(work, 0, 1, state, 0);
  }

  /** a = T (a + gain v). */
  private void advance(double[] state, double v) {
    for (int i = 0; i < m; i++) {
      work[i] = state[i] + gain[i] * v;
    }
    model.transition(work, 0, 1, state, 0);
  }

  /** P = T P T' + R R'. */
  private void predictCovariance() {
    for (int j = 0; j < m; j++) {
      model.transition(p, j, m, work, j);
    }
    for (int i = 0; i < m; i++) {
      model.transition(work, i * m, 1, next, i * m);
    }
    model.addDisturbance(next);
    // keep P exactly symmetric: rounding asymmetry compounds near the stationarity boundary
    for (int i = 0; i < m; i++) {
      p[i * m + i] = next[i * m + i];
      for (int j = i + 1; j < m; j++) {
        double v = 0.5 * (next[i * m + j] + next[j * m + i]);
        p[i * m + j] = v;
        p[j * m + i] = v;
      }
    }
  }

  /** True if the predicted covariance is within the tolerance of {@code before}. */
  private boolean unchanged(double[] before) {
    for (int k = 0; k < m * m; k++) {
      if (Math.abs(p[k] - before[k]) > tolerance * (1 + Math.abs(p[k]))) {
        return false;
      }
    }
    return true;
  }

  private double zRow(int i) {
    int r = model.armaStates();
    if (i == 0) {
      return 1;
    }
    return i < r ? 0 : model.differencing(i - r);
  }

  /** (P Z')_i. */
  private double zDot(int i) {
    int r = model.armaStates();
    double s = p[i * m];
    for (int k = 0; k < model.d(); k++) {
      s += p[i * m + r + k] * model.differencing(k);
    }
    return s;
  }
}
