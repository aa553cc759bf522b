package io.emms.analytics.cluster;

/**
 * How k-means assigns points to centres. All exact variants return the same clustering from the same start; they
 * differ only in how many distances they skip.
 */
public enum KMeansAlgorithm {
  /**
   * {@link #ELKAN} from {@link KMeansConfig#AUTO_ELKAN_MIN_K} clusters and
   * {@link KMeansConfig#AUTO_ELKAN_MIN_DIMENSION} dimensions on, {@link #HAMERLY} otherwise.
   */
  AUTO,
  /** Every point against every centre, every iteration. */
  LLOYD,
  /** One upper and one lower bound per point (Hamerly 2010); best for small k or low dimension. */
  HAMERLY,
  /**
   * k lower bounds per point plus centre–centre distances (Elkan 2003); best for larger k in high dimension. Holds
   * n × k doubles of bounds.
   */
  ELKAN
}
