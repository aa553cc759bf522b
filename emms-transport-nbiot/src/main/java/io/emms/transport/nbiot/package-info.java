/**
 * NB-IoT meters on the server side: {@link io.emms.transport.nbiot.NbiotEndpoint} receives UDP and CoAP uplinks
 * keyed by IMEI and delivers per-device queued downlinks after each device's next message;
 * {@link io.emms.transport.nbiot.NbiotCodec} is the version-1 message format (docs/nbiot.md).
 */
package io.emms.transport.nbiot;
