/**
 * Daily load profiles from interval data, ready for clustering: calendar days in a time zone, daylight-saving days
 * resampled to the nominal length, short gaps interpolated, incomplete days dropped, profiles normalised.
 * Entry point: {@link io.emms.analytics.profile.DailyProfiler}.
 */
package io.emms.analytics.profile;
