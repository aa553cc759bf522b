/**
 * The DL/T 645 frame layer for both editions: addresses, control bytes and functions, a zero-allocation frame
 * decoder with resynchronisation, an encoder, Netty handlers and typed error replies. Values inside DATA are
 * the business of {@code io.emms.dlt645.catalogue}.
 */
package io.emms.dlt645.codec;
