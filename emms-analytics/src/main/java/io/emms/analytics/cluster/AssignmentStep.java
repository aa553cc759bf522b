package io.emms.analytics.cluster;

/**
 * The assignment half of a k-means iteration. Implementations must pick, for every point, the same centre as a
 * full scan with {@link Workspace#nearest} would; they only differ in which distances they can prove irrelevant.
 * Methods taking a row range are called concurrently for disjoint ranges.
 */
interface AssignmentStep {

  /** Assigns rows {@code [from, to)} to the current centres from scratch. */
  void initialise(int from, int to);

  /** Called once, single-threaded, after the centres moved by {@code shifts} (Euclidean, per centre). */
  void centresMoved(double[] shifts);

  /** Reassigns rows {@code [from, to)} after a move; returns how many labels changed. */
  int assign(int from, int to);

  /** Empty-cluster repair put {@code point} into its new cluster, at {@code distance} from that cluster's centre. */
  void relocated(int point, double distance);
}
