/**
 * Energy reports from interval data: daily and monthly energy per time-of-use tariff, maximum demand over block
 * or sliding windows, and load factor.
 */
package io.emms.analytics.report;
