package io.emms.benchmarks.analytics;

import io.emms.analytics.arma.Arima;
import io.emms.analytics.arma.ArimaConfig;
import io.emms.analytics.arma.ArimaFit;
import io.emms.analytics.arma.ArimaModel;
import io.emms.analytics.arma.ArimaOrder;
import io.emms.analytics.arma.ArmaPredictor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact-ML ARMA(2,1) + mean on one year of 15-minute data (n = 35 040), simulated with the SplitMix64 generator of
 * tools/arma/reference.py (seed 35040, phi = (0.5, 0.3), theta = 0.4, mean 5), so R and statsmodels can be timed on
 * the identical series. Also the log-likelihood evaluation alone and the streaming predictor over the year.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Arma -f 1 -wi 3 -i 5 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ArmaBenchmark {
  static final int N = 35_040;

  double[] series;
  ArimaModel model;
  ArimaConfig withStandardErrors;
  ArimaConfig withoutStandardErrors;

  @Setup
  public void setUp() {
    series = simulate(N, 35_040, 0.5, 0.3, 0.4, 5.0);
    ArimaOrder order = ArimaOrder.of(2, 0, 1);
    withStandardErrors = ArimaConfig.of(order, true);
    withoutStandardErrors = ArimaConfig.builder(order).includeMean(true).standardErrors(false).build();
    model = new ArimaModel(order, new double[] {0.5, 0.3}, new double[] {0.4}, 5, 1);
  }

  /** The full fit: start values, BFGS, standard errors from the numerical Hessian. */
  @Benchmark
  public ArimaFit fit() {
    return Arima.fit(series, withStandardErrors);
  }

  /** The fit without the Hessian (as used for each candidate of an order search). */
  @Benchmark
  public ArimaFit fitWithoutStandardErrors() {
    return Arima.fit(series, withoutStandardErrors);
  }

  /** One exact log-likelihood evaluation over the year (the optimiser's unit of work). */
  @Benchmark
  public double logLikelihood() {
    return model.logLikelihood(series);
  }

  /** The streaming predictor fed the whole year, value by value. */
  @Benchmark
  public double streamingPredictor() {
    ArmaPredictor predictor = model.predictor();
    double sum = 0;
    for (double v : series) {
      sum += predictor.update(v);
    }
    return sum;
  }

  /** Same generator as tools/arma/reference.py: SplitMix64, Box-Muller, 500 burn-in steps. */
  static double[] simulate(int n, long seed, double phi1, double phi2, double theta1, double mean) {
    long state = seed;
    double[] y = new double[n];
    double x1 = 0;
    double x2 = 0;
    double e1 = 0;
    for (int t = 0; t < n + 500; t++) {
      state += 0x9E3779B97F4A7C15L;
      double u1 = uniform(state);
      state += 0x9E3779B97F4A7C15L;
      double u2 = uniform(state);
      double e = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
      double x = phi1 * x1 + phi2 * x2 + e + theta1 * e1;
      x2 = x1;
      x1 = x;
      e1 = e;
      if (t >= 500) {
        y[t - 500] = mean + x;
      }
    }
    return y;
  }

  private static double uniform(long state) {
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
