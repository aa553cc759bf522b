package io.emms.analytics.cluster;

/**
 * Elkan's algorithm: per point an upper bound on the distance to its own centre and a lower bound on the distance
 * to each centre, plus all centre–centre distances. A centre is only measured when neither its lower bound nor
 * half its distance to the point's current centre rules it out.
 */
final class ElkanStep implements AssignmentStep {
  private final Workspace ws;
  private final int k;
  private final double[] upper;
  /** Row-major n × k. */
  private final double[] lower;
  /** Row-major k × k, half the centre–centre distances. */
  private final double[] halfDistance;
  private final double[] halfGap;
  private final double[] shifts;

  ElkanStep(Workspace ws) {
    this.ws = ws;
    this.k = ws.k;
    this.upper = new double[ws.n];
    this.lower = new double[Math.multiplyExact(ws.n, ws.k)];
    this.halfDistance = new double[k * k];
    this.halfGap = new double[k];
    this.shifts = new double[k];
  }

  @Override
  public void initialise(int from, int to) {
    for (int i = from; i < to; i++) {
      int best = 0;
      double bestD2 = Double.POSITIVE_INFINITY;
      int row = i * k;
      for (int j = 0; j < k; j++) {
        // Exact when it could win; otherwise still a valid lower bound.
        double d2 = ws.distance2Bounded(i, j, bestD2);
        lower[row + j] = Math.sqrt(d2);
        if (d2 < bestD2) {
          bestD2 = d2;
          best = j;
        }
      }
      ws.labels[i] = best;
      upper[i] = Math.sqrt(bestD2);
    }
  }

  @Override
  public void centresMoved(double[] moved) {
    System.arraycopy(moved, 0, shifts, 0, k);
    CentreGaps.halfGaps(ws.centres, k, ws.d, halfDistance, halfGap);
  }

  @Override
  public int assign(int from, int to) {
    int changed = 0;
    for (int i = from; i < to; i++) {
      int row = i * k;
      for (int j = 0; j < k; j++) {
        lower[row + j] = Math.max(0, lower[row + j] - shifts[j]);
      }
      int start = ws.labels[i];
      int a = start;
      double u = upper[i] + shifts[a];
      if (u >= halfGap[a]) {
        u = closer(i, row, a, u);
        a = ws.labels[i];
      }
      upper[i] = u;
      if (a != start) {
        changed++;
      }
    }
    return changed;
  }

  /** Examines the centres the bounds cannot exclude; updates the label and returns the new upper bound. */
  private double closer(int i, int row, int a, double u) {
    boolean tight = false;
    double ua2 = 0;
    for (int j = 0; j < k; j++) {
      // Strict pruning only, so that exact ties are measured and resolved as a full scan would.
      if (j == a || u < lower[row + j] || u < halfDistance[a * k + j]) {
        continue;
      }
      if (!tight) {
        ua2 = ws.distance2(i, a);
        u = Math.sqrt(ua2);
        lower[row + a] = u;
        tight = true;
        if (u < lower[row + j] || u < halfDistance[a * k + j]) {
          continue;
        }
      }
      double d2 = ws.distance2Bounded(i, j, ua2);
      double dj = Math.sqrt(d2);
      lower[row + j] = dj;
      // Same winner as a full scan: strictly closer, or equally close with a lower index.
      if (d2 < ua2 || (d2 == ua2 && j < a)) {
        a = j;
        u = dj;
        ua2 = d2;
      }
    }
    ws.labels[i] = a;
    return u;
  }

  @Override
  public void relocated(int point, double distance) {
    upper[point] = distance;
    int row = point * k;
    for (int j = 0; j < k; j++) {
      lower[row + j] = 0;
    }
  }
}
