package io.emms.analytics.arma.internal;

/**
 * Hannan–Rissanen start values: a long Yule–Walker AR gives innovation estimates, then least squares of the series
 * on its own lags and lagged innovations gives phi and theta. Good starts, not maximum likelihood.
 */
public final class HannanRissanen {

  private static final int MAX_SHRINK = 60;

  private HannanRissanen() {
  }

  /**
   * Start values for an ARMA(p, q) on a zero-mean series without gaps.
   *
   * @return {ar, ma}, shrunk towards zero until stationary and invertible
   */
  public static double[][] estimate(double[] w, int p, int q) {
    int n = w.length;
    double[] ar = new double[p];
    double[] ma = new double[q];
    if (p + q == 0 || n < 2 * (p + q) + 4) {
      return new double[][] {ar, ma};
    }
    double[] e = null;
    int first = p;
    if (q > 0) {
      int order = Math.min(Math.max(p + q + 2, (int) Math.ceil(10 * Math.log10(n))), n / 4);
      double[] longAr = yuleWalker(w, order);
      e = new double[n];
      for (int t = order; t < n; t++) {
        double s = w[t];
        for (int k = 0; k < order; k++) {
          s -= longAr[k] * w[t - 1 - k];
        }
        e[t] = s;
      }
      first = Math.max(p, order + q);
    }
    double[] beta = leastSquares(w, e, p, q, first);
    if (beta != null) {
      System.arraycopy(beta, 0, ar, 0, p);
      System.arraycopy(beta, p, ma, 0, q);
    }
    return new double[][] {shrinkAr(ar), shrinkMa(ma)};
  }

  /** Yule–Walker AR(order) via Durbin–Levinson on the sample autocovariances; always stationary. */
  static double[] yuleWalker(double[] w, int order) {
    int n = w.length;
    double[] gamma = new double[order + 1];
    for (int k = 0; k <= order; k++) {
      double s = 0;
      for (int t = k; t < n; t++) {
        s += w[t] * w[t - k];
      }
      gamma[k] = s / n;
    }
    double[] phi = new double[order];
    double[] prev = new double[order];
    double v = gamma[0];
    for (int j = 0; j < order && v > 0; j++) {
      double acc = gamma[j + 1];
      for (int i = 0; i < j; i++) {
        acc -= phi[i] * gamma[j - i];
      }
      double r = acc / v;
      System.arraycopy(phi, 0, prev, 0, j);
      for (int i = 0; i < j; i++) {
        phi[i] = prev[i] - r * prev[j - 1 - i];
      }
      phi[j] = r;
      v *= 1 - r * r;
    }
    return phi;
  }

  /** Least squares of w(t) on w(t-1..t-p) and e(t-1..t-q), t >= first, via the normal equations. */
  private static double[] leastSquares(double[] w, double[] e, int p, int q, int first) {
    int k = p + q;
    double[] xtx = new double[k * k];
    double[] xty = new double[k];
    double[] row = new double[k];
    for (int t = first; t < w.length; t++) {
      for (int i = 0; i < p; i++) {
        row[i] = w[t - 1 - i];
      }
      for (int i = 0; i < q; i++) {
        row[p + i] = e[t - 1 - i];
      }
      for (int i = 0; i < k; i++) {
        xty[i] += row[i] * w[t];
        for (int j = 0; j < k; j++) {
          xtx[i * k + j] += row[i] * row[j];
        }
      }
    }
    return GaussianElimination.solveInPlace(xtx, xty, k) ? xty : null;
  }

  private static double[] shrinkAr(double[] ar) {
    double[] c = ar.clone();
    for (int k = 0; k < MAX_SHRINK && !StationaryTransform.isStationary(c); k++) {
      scale(c, 0.9);
    }
    return StationaryTransform.isStationary(c) ? c : new double[ar.length];
  }

  private static double[] shrinkMa(double[] ma) {
    double[] c = ma.clone();
    for (int k = 0; k < MAX_SHRINK && StationaryTransform.fromMa(c) == null; k++) {
      scale(c, 0.9);
    }
    return StationaryTransform.fromMa(c) != null ? c : new double[ma.length];
  }

  private static void scale(double[] c, double f) {
    for (int i = 0; i < c.length; i++) {
      c[i] *= f;
    }
  }
}
