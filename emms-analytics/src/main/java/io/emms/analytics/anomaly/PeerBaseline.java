package io.emms.analytics.anomaly;

import io.emms.analytics.cluster.KMeansResult;

/** Peer consumption for the theft score: the meters that share a load-profile cluster. */
public final class PeerBaseline {

  private PeerBaseline() {}

  /**
   * Mean daily consumption of the other meters in the same cluster as {@code meter}.
   *
   * @param clusters a k-means fit whose points are the meters' (normalised) load profiles
   * @param dailyConsumption mean daily consumption of each meter, in the same order as the clustered points
   * @param meter index of the meter being scored
   * @return the peers' mean, NaN when the meter is alone in its cluster or no peer has a value
   */
  public static double of(KMeansResult clusters, double[] dailyConsumption, int meter) {
    if (dailyConsumption.length != clusters.pointCount()) {
      throw new IllegalArgumentException(dailyConsumption.length + " consumptions for " + clusters.pointCount()
          + " clustered meters");
    }
    int cluster = clusters.assignment(meter);
    double sum = 0;
    int n = 0;
    for (int i = 0; i < dailyConsumption.length; i++) {
      if (i != meter && clusters.assignment(i) == cluster && !Double.isNaN(dailyConsumption[i])) {
        sum += dailyConsumption[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
