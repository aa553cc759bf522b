/**
 * Electricity-theft screening from consumption patterns: the six false-data-injection types of Jokar, Arianpoo
 * and Leung (IEEE Trans. Smart Grid, 2016) and a detector that compares a meter's recent days with its own
 * history. Pure Java over arrays.
 */
package io.emms.analytics.theft;
