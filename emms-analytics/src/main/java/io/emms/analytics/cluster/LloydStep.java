package io.emms.analytics.cluster;

/** Every point against every centre. */
final class LloydStep implements AssignmentStep {
  private final Workspace ws;

  LloydStep(Workspace ws) {
    this.ws = ws;
  }

  @Override
  public void initialise(int from, int to) {
    for (int i = from; i < to; i++) {
      ws.labels[i] = ws.nearest(i);
    }
  }

  @Override
  public void centresMoved(double[] shifts) {
    // Lloyd keeps no bounds.
  }

  @Override
  public int assign(int from, int to) {
    int changed = 0;
    for (int i = from; i < to; i++) {
      int best = ws.nearest(i);
      if (best != ws.labels[i]) {
        ws.labels[i] = best;
        changed++;
      }
    }
    return changed;
  }

  @Override
  public void relocated(int point, double distance) {
    // Lloyd keeps no bounds.
  }
}
