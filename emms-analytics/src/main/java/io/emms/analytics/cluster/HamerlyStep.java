package io.emms.analytics.cluster;

/**
 * Hamerly's algorithm: per point an upper bound on the distance to its own centre and one lower bound on the
 * distance to every other centre. A point whose upper bound is below both its lower bound and half the distance
 * from its centre to the nearest other centre cannot change cluster and is skipped.
 */
final class HamerlyStep implements AssignmentStep {
  private final Workspace ws;
  private final double[] upper;
  private final double[] lower;
  /** Half the distance from each centre to its nearest other centre. */
  private final double[] halfGap;
  private final double[] shifts;
  private int maxShiftCentre;
  private double maxShift;
  private double secondMaxShift;

  HamerlyStep(Workspace ws) {
    this.ws = ws;
    this.upper = new double[ws.n];
    this.lower = new double[ws.n];
    this.halfGap = new double[ws.k];
    this.shifts = new double[ws.k];
  }

  @Override
  public void initialise(int from, int to) {
    for (int i = from; i < to; i++) {
      scan(i);
    }
  }

  @Override
  public void centresMoved(double[] moved) {
    System.arraycopy(moved, 0, shifts, 0, ws.k);
    maxShiftCentre = -1;
    maxShift = 0;
    secondMaxShift = 0;
    for (int j = 0; j < ws.k; j++) {
      if (shifts[j] > maxShift) {
        secondMaxShift = maxShift;
        maxShift = shifts[j];
        maxShiftCentre = j;
      } else if (shifts[j] > secondMaxShift) {
        secondMaxShift = shifts[j];
      }
    }
    CentreGaps.halfGaps(ws.centres, ws.k, ws.d, null, halfGap);
  }

  @Override
  public int assign(int from, int to) {
    int changed = 0;
    for (int i = from; i < to; i++) {
      int a = ws.labels[i];
      double u = upper[i] + shifts[a];
      double l = lower[i] - (a == maxShiftCentre ? secondMaxShift : maxShift);
      double bound = Math.max(halfGap[a], l);
      // Strict pruning only: a point exactly on a bound may be tied, and ties must go to the lowest index.
      if (u >= bound) {
        // Abandoning the exact distance early is safe: it only sends the point to the full scan.
        double limit = bound * bound;
        double ua2 = ws.distance2Bounded(i, a, limit);
        u = Math.sqrt(ua2);
        if (ua2 > limit || u >= bound) {
          if (scan(i) != a) {
            changed++;
          }
          continue;
        }
      }
      upper[i] = u;
      lower[i] = l;
    }
    return changed;
  }

  /** Full scan: nearest and second-nearest centre; resets both bounds to exact distances. */
  private int scan(int i) {
    int best = 0;
    double bestD2 = Double.POSITIVE_INFINITY;
    double secondD2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < ws.k; j++) {
      double d2 = ws.distance2Bounded(i, j, secondD2);
      if (d2 < bestD2) {
        secondD2 = bestD2;
        bestD2 = d2;
        best = j;
      } else if (d2 < secondD2) {
        secondD2 = d2;
      }
    }
    ws.labels[i] = best;
    upper[i] = Math.sqrt(bestD2);
    lower[i] = Math.sqrt(secondD2);
    return best;
  }

  @Override
  public void relocated(int point, double distance) {
    upper[point] = distance;
    lower[point] = 0;
  }
}
