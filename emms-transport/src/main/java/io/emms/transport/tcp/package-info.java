/**
 * TCP links on Netty NIO: {@link io.emms.transport.tcp.TcpClientLink} dials out and reconnects with back-off;
 * {@link io.emms.transport.tcp.TcpLinkServer} accepts connections and hands each one over as a
 * {@link io.emms.transport.tcp.TcpServerLink}.
 */
package io.emms.transport.tcp;
