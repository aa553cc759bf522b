/**
 * Evaluation harness for the detectors: seeded synthetic 15-minute load series with injected anomalies of every
 * kind, and event-level precision and recall per detector and kind.
 */
package io.emms.analytics.anomaly.evaluation;
