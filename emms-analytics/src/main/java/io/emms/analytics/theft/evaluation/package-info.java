/**
 * Theft-detection quality on seeded synthetic customers with Jokar et al.'s six false-data-injection types:
 * the generator, ROC AUC, and the benchmark that reports precision, recall, AUC and false alarms.
 */
package io.emms.analytics.theft.evaluation;
