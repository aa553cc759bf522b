package io.emms.analytics.cluster;

/**
 * How k-means assigns points to centres. All exact variants return the same clustering from the same start; they
 * differ only in how many distances they skip.
 */
public enum KMeansAlgorithm {
  /** {@link #HAMERLY} for up to {@link KMeansConfig#AUTO_ELKAN_MIN_K} − 1 clusters, {@link #ELKAN} above. */
  AUTO,
  /** Every point against every centre, every iteration. */
  LLOYD,
  /** One upper and one lower bound per point (Hamerly 2010); best for small k. */
  HAMERLY,
  /** k lower bounds per point plus centre–centre distances (Elkan 2003); best for larger k. */
  ELKAN
}
