/**
 * UDP links on Netty NIO, one datagram per write and per {@code onData}: {@link io.emms.transport.udp.UdpLink}
 * talks to one peer; {@link io.emms.transport.udp.UdpLinkServer} gives each peer that sends to it a
 * {@link io.emms.transport.udp.UdpPeerLink}.
 */
package io.emms.transport.udp;
