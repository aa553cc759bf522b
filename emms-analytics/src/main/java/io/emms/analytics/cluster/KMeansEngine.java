package io.emms.analytics.cluster;

import java.util.Arrays;

/**
 * One k-means run from given centres. The centre update, the empty-cluster repair and the final SSE are shared by
 * all algorithms and sum in a fixed chunk order, so Lloyd, Hamerly and Elkan produce bit-identical results from
 * the same start, for any thread count: they make the same moves, so the same sums.
 */
final class KMeansEngine {
  private final Workspace ws;
  private final ChunkedExecutor exec;
  private final AssignmentStep step;
  private final KMeansAlgorithm algorithm;
  private final double[] chunkSums;
  private final int[] chunkCounts;
  private final boolean[] chunkMoved;
  private final int[] chunkChanged;
  private final double[] chunkSse;
  /** Per-cluster sums and counts of the points as of the last update, and the labels they were taken with. */
  private final double[] sums;
  private final int[] counts;
  private final int[] previous;

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
    this.chunkMoved = new boolean[chunks];
    this.chunkChanged = new int[chunks];
    this.sums = new double[ws.k * ws.d];
    this.counts = new int[ws.k];
    this.previous = new int[ws.n];
    Arrays.fill(previous, -1);
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

  /**
   * Moves every centre to the mean of its points; returns the summed squared shift. The per-cluster sums are kept
   * between iterations and only the points that changed cluster are added and subtracted, in fixed chunk order.
   */
  private double updateCentres(double[] shifts) {
    int k = ws.k;
    int d = ws.d;
    exec.run((c, from, to) -> chunkMoved[c] = collectMoves(c, from, to));
    for (int c = 0; c < exec.chunkCount(); c++) {
      if (!chunkMoved[c]) {
        continue;
      }
      int sumBase = c * k * d;
      for (int x = 0; x < k * d; x++) {
        sums[x] += chunkSums[sumBase + x];
      }
      for (int j = 0; j < k; j++) {
        counts[j] += chunkCounts[c * k + j];
      }
    }
    double[] old = ws.centres;
    double[] centres = new double[k * d];
    double total = 0;
    for (int j = 0; j < k; j++) {
      if (counts[j] == 0) {
        // Only when there are fewer distinct points than clusters: the centre stays where it was.
        Arrays.fill(sums, j * d, (j + 1) * d, 0);
        System.arraycopy(old, j * d, centres, j * d, d);
      } else {
        for (int f = 0; f < d; f++) {
          centres[j * d + f] = sums[j * d + f] / counts[j];
        }
      }
      double shift2 = SquaredEuclidean.between(old, j * d, centres, j * d, d);
      shifts[j] = Math.sqrt(shift2);
      total += shift2;
    }
    ws.centres = centres;
    return total;
  }

  /** Sums the moves of one chunk's points into its slot of the chunk arrays; false if none moved. */
  private boolean collectMoves(int c, int from, int to) {
    int k = ws.k;
    int d = ws.d;
    int sumBase = c * k * d;
    int countBase = c * k;
    boolean moved = false;
    for (int i = from; i < to; i++) {
      int now = ws.labels[i];
      int before = previous[i];
      if (now == before) {
        continue;
      }
      if (!moved) {
        Arrays.fill(chunkSums, sumBase, sumBase + k * d, 0);
        Arrays.fill(chunkCounts, countBase, countBase + k, 0);
        moved = true;
      }
      previous[i] = now;
      int src = i * d;
      int add = sumBase + now * d;
      chunkCounts[countBase + now]++;
      for (int f = 0; f < d; f++) {
        chunkSums[add + f] += ws.data[src + f];
      }
      if (before >= 0) {
        int sub = sumBase + before * d;
        chunkCounts[countBase + before]--;
        for (int f = 0; f < d; f++) {
          chunkSums[sub + f] -= ws.data[src + f];
        }
      }
    }
    return moved;
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
