package io.emms.analytics.arma;

/** Criteria for choosing among fitted models; smaller is better. */
public enum InformationCriterion {
  /** Akaike: {@code -2 loglik + 2k}. */
  AIC,
  /** Akaike corrected for small samples: {@code AIC + 2k(k+1)/(n-k-1)} (auto.arima's default). */
  AICC,
  /** Bayesian (Schwarz): {@code -2 loglik + k ln n}. */
  BIC;

  /** The criterion's value for a fit. */
  public double of(ArimaFit fit) {
    return switch (this) {
      case AIC -> fit.aic();
      case AICC -> fit.aicc();
      case BIC -> fit.bic();
    };
  }
}
