/**
 * Exact maximum-likelihood ARIMA(p, d, q) models for meter series, reproducing R's {@code arima(method = "ML")}
 * and statsmodels' {@code ARIMA}: fitting ({@link io.emms.analytics.arma.Arima}), forecasts and one-step
 * predictions ({@link io.emms.analytics.arma.ArimaModel}), a streaming per-meter predictor
 * ({@link io.emms.analytics.arma.ArmaPredictor}) and order selection
 * ({@link io.emms.analytics.arma.OrderSearch}). Series are {@code double[]} with NaN for missing values.
 */
package io.emms.analytics.arma;
