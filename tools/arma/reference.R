# Tight-tolerance exact-ML fits with R's arima() for the EMMS ARMA reference tests.
# Usage: Rscript reference.R DATA_DIR OUT_DIR
# Reads DATA_DIR/<case>.csv (column "value", NaN = missing) listed in cases.csv, writes OUT_DIR/r_<case>.csv.
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]
out_dir <- args[2]
cases <- read.csv(file.path(data_dir, "cases.csv"), stringsAsFactors = FALSE)
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  x <- read.csv(file.path(data_dir, paste0(cs$name, ".csv")), na.strings = "NaN")$value
  ord <- c(cs$p, cs$d, cs$q)
  fit <- arima(x, order = ord, include.mean = as.logical(cs$mean), method = "ML",
               SSinit = "Rossignol2011", optim.control = list(reltol = 1e-14, maxit = 5000))
  co <- coef(fit)
  se <- sqrt(diag(fit$var.coef))
  pick <- function(v, prefix) { k <- grep(paste0("^", prefix), names(v)); if (length(k)) v[k] else numeric(0) }
  fc <- predict(fit, n.ahead = cs$h)
  rows <- list(
    ar = pick(co, "ar"), ma = pick(co, "ma"), mean = pick(co, "intercept"),
    sigma2 = fit$sigma2, loglik = fit$loglik, aic = fit$aic, bic = BIC(fit), nobs = fit$nobs,
    se_ar = pick(se, "ar"), se_ma = pick(se, "ma"), se_mean = pick(se, "intercept"),
    forecast = as.numeric(fc$pred), forecast_se = as.numeric(fc$se))
  con <- file(file.path(out_dir, paste0("r_", cs$name, ".csv")), "w")
  for (key in names(rows)) {
    writeLines(paste(c(key, formatC(rows[[key]], digits = 17, format = "g")), collapse = ","), con)
  }
  close(con)
  cat(cs$name, "loglik", format(fit$loglik, digits = 15), "coef", format(co, digits = 10), "\n")
}

# Timing anchor: ARMA(2,1) + mean on the simulated year of 15-minute data.
bench <- file.path(data_dir, "bench.csv")
if (file.exists(bench)) {
  x <- read.csv(bench)$value
  t <- system.time(fit <- arima(x, order = c(2, 0, 1), method = "ML", SSinit = "Rossignol2011"))
  cat("bench R default arima ML elapsed", t[["elapsed"]], "s loglik", format(fit$loglik, digits = 15),
      "coef", format(coef(fit), digits = 10), "\n")
  t <- system.time(fit <- arima(x, order = c(2, 0, 1), method = "ML", SSinit = "Rossignol2011",
                                optim.control = list(reltol = 1e-14, maxit = 5000)))
  cat("bench R tight arima ML elapsed", t[["elapsed"]], "s\n")
  co <- coef(fit)
  con <- file(file.path(out_dir, "r_bench.csv"), "w")
  writeLines(paste(c("ar", formatC(co[1:2], digits = 17, format = "g")), collapse = ","), con)
  writeLines(paste(c("ma", formatC(co[3], digits = 17, format = "g")), collapse = ","), con)
  writeLines(paste(c("mean", formatC(co[4], digits = 17, format = "g")), collapse = ","), con)
  writeLines(paste(c("sigma2", formatC(fit$sigma2, digits = 17, format = "g")), collapse = ","), con)
  writeLines(paste(c("loglik", formatC(fit$loglik, digits = 17, format = "g")), collapse = ","), con)
  close(con)
}
