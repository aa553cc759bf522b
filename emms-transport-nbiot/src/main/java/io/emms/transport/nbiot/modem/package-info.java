/**
 * The device side: {@link io.emms.transport.nbiot.modem.Bc95Link} drives a Quectel BC95/BC28-style modem with AT
 * commands and presents a datagram link; {@link io.emms.transport.nbiot.modem.Bc95Emulator} is a modem for tests.
 */
package io.emms.transport.nbiot.modem;
