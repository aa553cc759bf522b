/**
 * Kalman filter, Lyapunov solver, parameter transform, start values and optimiser behind
 * {@link io.emms.analytics.arma}; not a public API.
 */
package io.emms.analytics.arma.internal;
