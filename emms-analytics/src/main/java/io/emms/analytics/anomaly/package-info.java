/**
 * Anomaly detection on meter series, batch ({@link io.emms.analytics.anomaly.AnomalyDetector}) and streaming
 * with constant memory per meter ({@link io.emms.analytics.anomaly.StreamingDetector}): z-score, Hampel/MAD,
 * seasonal profile residuals and ARMA one-step residuals; plus an explainable theft-risk score.
 */
package io.emms.analytics.anomaly;
