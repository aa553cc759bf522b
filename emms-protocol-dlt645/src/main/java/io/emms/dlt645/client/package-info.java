/**
 * The asynchronous DL/T 645 master: {@link io.emms.dlt645.client.Dlt645Client} queues requests on one
 * half-duplex bus, matches replies, retries after timeouts, assembles follow-up frames and implements the core
 * {@link io.emms.core.meter.MeterReader} and {@link io.emms.core.meter.MeterControl}. It talks to an
 * {@link io.emms.core.link.Link} and never to a transport; security-chip (ESAM) operations go through a
 * pluggable {@link io.emms.dlt645.client.SecurityProvider}.
 */
package io.emms.dlt645.client;
