/**
 * Interval consumption from cumulative energy registers: rollover, resets, meter replacement, duplicates,
 * out-of-order readings and gaps are resolved or flagged, never turned into a negative spike.
 */
package io.emms.analytics.consumption;
