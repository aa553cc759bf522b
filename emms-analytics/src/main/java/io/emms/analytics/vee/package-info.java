/**
 * Validation, editing and estimation (VEE) of interval meter data: configurable utility validation rules with
 * explainable findings, and gap estimation whose results are always flagged {@code ESTIMATED}.
 */
package io.emms.analytics.vee;
