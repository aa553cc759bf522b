package io.emms.analytics.cluster;

/** The score {@link KSelection} optimises to choose k. */
public enum KCriterion {
  /** Highest (exact or simplified) silhouette. */
  SILHOUETTE,
  /** Lowest Davies–Bouldin index. */
  DAVIES_BOULDIN,
  /** Highest Calinski–Harabasz index. */
  CALINSKI_HARABASZ;

  /** Whether {@code a} is strictly better than {@code b} under this criterion; NaN is never better. */
  boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return this == DAVIES_BOULDIN ? a < b : a > b;
  }
}
