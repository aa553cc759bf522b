/**
 * Exact k-means for load profiles and the scores to choose k.
 *
 * <p>{@link io.emms.analytics.cluster.KMeans} fits a {@link io.emms.analytics.cluster.KMeansConfig} to a flat
 * row-major {@code double[]} and returns an immutable {@link io.emms.analytics.cluster.KMeansResult};
 * {@link io.emms.analytics.cluster.ClusterScores} rates a labelling (silhouette, Davies–Bouldin,
 * Calinski–Harabasz) and {@link io.emms.analytics.cluster.KSelection} tries a range of k.
 */
package io.emms.analytics.cluster;
