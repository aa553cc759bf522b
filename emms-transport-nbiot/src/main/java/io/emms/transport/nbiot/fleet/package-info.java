/**
 * NB-IoT meters in fleets: {@code nbiot://HOST:PORT[?coap=PORT]} lines ({@link
 * io.emms.transport.nbiot.fleet.NbiotLinkProvider}) and {@code nbiot:IMEI} meters ({@link
 * io.emms.transport.nbiot.fleet.NbiotMeterProtocol}), found by {@link java.util.ServiceLoader}.
 */
package io.emms.transport.nbiot.fleet;
