package io.emms.analytics.arma.internal;

import java.util.function.ToDoubleFunction;

/**
 * BFGS minimiser with finite-difference gradients and an Armijo backtracking line search.
 *
 * <p>Non-finite function values count as +infinity, so the line search backs away from inadmissible regions.
 */
public final class Bfgs {

  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 60;
  /** Gradient size below which central differences are used. */
  private static final double CENTRAL_BELOW = 1e-4;

  private final ToDoubleFunction<double[]> function;
  private final int maxIterations;
  private final double gradientTolerance;
  private int evaluations;

  /**
   * @param gradientTolerance stop when every gradient component is at most this in absolute value
   */
  public Bfgs(ToDoubleFunction<double[]> function, int maxIterations, double gradientTolerance) {
    this.function = function;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
  }

  /**
   * Outcome of a minimisation.
   *
   * @param converged true if the gradient tolerance was met or no further decrease was possible at a tiny gradient
   */
  public record Result(double[] x, double value, double[] gradient, int iterations, int evaluations,
      boolean converged) {
  }

  /** Minimises from {@code start}. */
  public Result minimize(double[] start) {
    int n = start.length;
    double[] x = start.clone();
    double fx = value(x);
    if (n == 0) {
      return new Result(x, fx, new double[0], 0, evaluations, Double.isFinite(fx));
    }
    double[] g = gradient(x, fx, true);
    double[] h = identity(n);
    boolean scaled = false;
    int iteration = 0;
    while (iteration < maxIterations && maxAbs(g) > gradientTolerance) {
      iteration++;
      double[] dir = direction(h, g);
      double slope = dot(g, dir);
      if (!(slope < 0)) {
        h = identity(n);
        dir = direction(h, g);
        slope = dot(g, dir);
      }
      double step = scaled ? 1 : Math.min(1, 1 / Math.max(1e-12, maxAbs(g)));
      double[] xn = new double[n];
      double fn = Double.POSITIVE_INFINITY;
      for (int k = 0; k < MAX_HALVINGS; k++) {
        for (int i = 0; i < n; i++) {
          xn[i] = x[i] + step * dir[i];
        }
        fn = value(xn);
        if (fn <= fx + ARMIJO * step * slope) {
          break;
        }
        step *= 0.5;
      }
      if (!(fn < fx)) {
        if (isIdentity(h)) {
          break;
        }
        h = identity(n);
        scaled = false;
        continue;
      }
      double[] gn = gradient(xn, fn, maxAbs(g) < CENTRAL_BELOW);
      double[] s = new double[n];
      double[] yv = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xn[i] - x[i];
        yv[i] = gn[i] - g[i];
      }
      double sy = dot(s, yv);
      if (sy > 1e-18) {
        if (!scaled) {
          h = identity(n);
          double gamma = sy / dot(yv, yv);
          for (int i = 0; i < n; i++) {
            h[i * n + i] = gamma;
          }
          scaled = true;
        }
        update(h, s, yv, sy);
      }
      double change = fx - fn;
      x = xn;
      fx = fn;
      g = gn;
      if (change <= 1e-16 * (1 + Math.abs(fx)) && maxAbs(g) < 1e3 * gradientTolerance) {
        break;
      }
    }
    boolean converged = Double.isFinite(fx) && maxAbs(g) <= 1e3 * gradientTolerance;
    return new Result(x, fx, g, iteration, evaluations, converged);
  }

  private double value(double[] x) {
    evaluations++;
    double v = function.applyAsDouble(x);
    return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
  }

  /**
   * Central differences (forward ones while the gradient is still large, where their O(h) error is irrelevant),
   * falling back to one side where the other is not finite.
   */
  private double[] gradient(double[] x, double fx, boolean central) {
    int n = x.length;
    double[] g = new double[n];
    double[] probe = x.clone();
    for (int i = 0; i < n; i++) {
      double h = 1e-5 * Math.max(1, Math.abs(x[i]));
      probe[i] = x[i] + h;
      double up = value(probe);
      probe[i] = x[i] - h;
      double down = central || up == Double.POSITIVE_INFINITY ? value(probe) : Double.NaN;
      probe[i] = x[i];
      if (Double.isNaN(down)) {
        g[i] = (up - fx) / h;
        continue;
      }
      if (up != Double.POSITIVE_INFINITY && down != Double.POSITIVE_INFINITY) {
        g[i] = (up - down) / (2 * h);
      } else if (up != Double.POSITIVE_INFINITY) {
        g[i] = (up - fx) / h;
      } else if (down != Double.POSITIVE_INFINITY) {
        g[i] = (fx - down) / h;
      }
    }
    return g;
  }

  /** Inverse-Hessian BFGS update H = (I - rho s y') H (I - rho y s') + rho s s'. */
  private static void update(double[] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1 / sy;
    double[] hy = new double[n];
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int j = 0; j < n; j++) {
        acc += h[i * n + j] * y[j];
      }
      hy[i] = acc;
    }
    double yhy = dot(y, hy);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }

  private static double[] direction(double[] h, double[] g) {
    int n = g.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int j = 0; j < n; j++) {
        acc -= h[i * n + j] * g[j];
      }
      d[i] = acc;
    }
    return d;
  }

  private static double[] identity(int n) {
    double[] h = new double[n * n];
    for (int i = 0; i < n; i++) {
      h[i * n + i] = 1;
    }
    return h;
  }

  private static boolean isIdentity(double[] h) {
    int n = (int) Math.round(Math.sqrt(h.length));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (h[i * n + j] != (i == j ? 1 : 0)) {
          return false;
        }
      }
    }
    return true;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
