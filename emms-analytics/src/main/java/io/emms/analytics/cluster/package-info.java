/**
 * Exact k-means for load profiles.
 *
 * <p>{@link io.emms.analytics.cluster.KMeans} fits a {@link io.emms.analytics.cluster.KMeansConfig} to a flat
 * row-major {@code double[]} and returns an immutable {@link io.emms.analytics.cluster.KMeansResult}.
 */
package io.emms.analytics.cluster;
