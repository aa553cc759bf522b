/**
 * Grid operating indices after the Chinese power-quality standards (GB/T 12325 voltage deviation, GB/T 15543
 * unbalance, GB/T 15945 frequency, GB/T 14549 harmonics) and distribution practice (power factor, load rate, load
 * factor, line loss), with configurable limits and an advice engine for indices out of limits.
 */
package io.emms.analytics.grid;
