package io.emms.analytics.cluster.internal;

import io.emms.analytics.cluster.KMeansAlgorithm;
import io.emms.analytics.cluster.KMeansResult;
import java.util.Arrays;

/**
 * One k-means run from given centres. The centre update, the empty-cluster repair and the final SSE are shared by
 * all algorithms and sum in a fixed chunk order, so Lloyd, Hamerly and Elkan produce bit-identical results from
 * the same start, for any thread count.
 */
public final class KMeansEngine {
  private final Workspace ws;
  private final ChunkedExecutor exec;
  private final AssignmentStep step;
  private final KMeansAlgorithm algorithm;
  private final double[] chunkSums;
  private final int[] chunkCounts;
  private final int[] chunkChanged;
  private final double[] chunkSse;

  private KMeansEngine(Workspace ws, KMeansAlgorithm algorithm, ChunkedExecutor exec) {
    this.ws = ws;
    this.exec = exec;
    this.algorithm = algorithm;
    this.step = switch (algorithm) {
      case LLOYD -> new LloydStep(ws);
      case HAMERLY -> new HamerlyStep(ws);
      case ELKAN -> new ElkanStep(ws);
      case AUTO -> throw new IllegalArgumentException("resolve AUTO before running");
    };
    int chunks = exec.chunkCount();
    this.chunkSums = new double[Math.multiplyExact(chunks, ws.k * ws.d)];
    this.chunkCounts = new int[chunks * ws.k];
    this.chunkChanged = new int[chunks];
    this.chunkSse = new double[chunks];
  }

  /**
   * Runs k-means on the rows of {@code data} from {@code initialCentres} (not modified).
   *
   * @param absoluteTolerance stop once the summed squared centre shift is at most this
   */
  public static KMeansResult run(
      double[] data,
      int d,
      double[] initialCentres,
      KMeansAlgorithm algorithm,
      int maxIterations,
      double absoluteTolerance,
      ChunkedExecutor exec) {
    Workspace ws = new Workspace(data, d, initialCentres.clone());
    return new KMeansEngine(ws, algorithm, exec).iterate(maxIterations, absoluteTolerance);
  }

  /** {@code tolerance} times the mean per-dimension variance of the rows, as scikit-learn scales its tol. */
  public static double absoluteTolerance(double[] data, int d, double tolerance) {
    if (tolerance == 0) {
      return 0;
    }
    int n = data.length / d;
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        mean[c] += data[i * d + c];
      }
    }
    double sum = 0;
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double t = data[i * d + c] - mean[c];
        sum += t * t;
      }
    }
    return tolerance * sum / ((double) n * d);
  }

  private KMeansResult iterate(int maxIterations, double absoluteTolerance) {
    exec.run((c, from, to) -> step.initialise(from, to));
    repairEmptyClusters();
    double[] shifts = new double[ws.k];
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations && !converged) {
      iterations++;
      double totalShift2 = updateCentres(shifts);
      step.centresMoved(shifts);
      exec.run((c, from, to) -> chunkChanged[c] = step.assign(from, to));
      int changed = Arrays.stream(chunkChanged).sum() + repairEmptyClusters();
      converged = changed == 0 || totalShift2 <= absoluteTolerance;
    }
    return new KMeansResult(
        ws.k, ws.d, ws.centres, ws.labels, sizes(), sse(), iterations, converged, algorithm);
  }

  /** Moves every centre to the mean of its points; returns the summed squared shift. */
  private double updateCentres(double[] shifts) {
    int k = ws.k;
    int d = ws.d;
    exec.run((c, from, to) -> {
      int sumBase = c * k * d;
      int countBase = c * k;
      Arrays.fill(chunkSums, sumBase, sumBase + k * d, 0);
      Arrays.fill(chunkCounts, countBase, countBase + k, 0);
      for (int i = from; i < to; i++) {
        int j = ws.labels[i];
        chunkCounts[countBase + j]++;
        int dst = sumBase + j * d;
        int src = i * d;
        for (int f = 0; f < d; f++) {
          chunkSums[dst + f] += ws.data[src + f];
        }
      }
    });
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    for (int c = 0; c < exec.chunkCount(); c++) {
      int sumBase = c * k * d;
      for (int x = 0; x < k * d; x++) {
        sums[x] += chunkSums[sumBase + x];
      }
      for (int j = 0; j < k; j++) {
        counts[j] += chunkCounts[c * k + j];
      }
    }
    double[] old = ws.centres;
    double total = 0;
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        // Only when there are fewer distinct points than clusters: the centre stays where it was.
        System.arraycopy(old, j * d, sums, j * d, d);
      } else {
        for (int f = 0; f < d; f++) {
          sums[j * d + f] /= counts[j];
        }
      }
      double shift2 = SquaredEuclidean.between(old, j * d, sums, j * d, d);
      shifts[j] = Math.sqrt(shift2);
      total += shift2;
    }
    ws.centres = sums;
    return total;
  }

  /**
   * Gives every empty cluster the point farthest from its own centre (lowest index on ties), taken only from
   * clusters that keep at least one point. Returns the number of points moved.
   */
  private int repairEmptyClusters() {
    int[] sizes = sizes();
    if (Arrays.stream(sizes).allMatch(s -> s > 0)) {
      return 0;
    }
    double[] distance = new double[ws.n];
    exec.run((c, from, to) -> {
      for (int i = from; i < to; i++) {
        distance[i] = Math.sqrt(ws.distance2(i, ws.labels[i]));
      }
    });
    int moved = 0;
    for (int j = 0; j < ws.k; j++) {
      if (sizes[j] > 0) {
        continue;
      }
      int farthest = -1;
      for (int i = 0; i < ws.n; i++) {
        if (distance[i] > 0 && sizes[ws.labels[i]] > 1 && (farthest < 0 || distance[i] > distance[farthest])) {
          farthest = i;
        }
      }
      if (farthest < 0) {
        break;
      }
      sizes[ws.labels[farthest]]--;
      sizes[j]++;
      ws.labels[farthest] = j;
      distance[farthest] = 0;
      step.relocated(farthest, Math.sqrt(ws.distance2(farthest, j)));
      moved++;
    }
    return moved;
  }

  private int[] sizes() {
    int[] sizes = new int[ws.k];
    for (int label : ws.labels) {
      sizes[label]++;
    }
    return sizes;
  }

  private double sse() {
    exec.run((c, from, to) -> {
      double s = 0;
      for (int i = from; i < to; i++) {
        s += ws.distance2(i, ws.labels[i]);
      }
      chunkSse[c] = s;
    });
    double total = 0;
    for (double s : chunkSse) {
      total += s;
    }
    return total;
  }
}
