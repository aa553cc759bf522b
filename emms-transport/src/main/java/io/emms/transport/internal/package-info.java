/** Netty plumbing shared by the TCP and UDP links; not part of the API. */
package io.emms.transport.internal;
