/**
 * The link SPI where protocols meet transports. A transport implements {@link io.emms.core.link.Link}; a protocol
 * implements {@link io.emms.core.link.FrameDecoder} and reads a link through a
 * {@link io.emms.core.link.FrameAssembler}. Neither side depends on the other.
 */
package io.emms.core.link;
