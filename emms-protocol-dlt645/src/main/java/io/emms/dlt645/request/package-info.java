/**
 * DL/T 645 requests as typed, validating records that the master encodes and the simulated meter parses, so that
 * each table of the standard (relay command codes, deadline layout) exists once.
 */
package io.emms.dlt645.request;
