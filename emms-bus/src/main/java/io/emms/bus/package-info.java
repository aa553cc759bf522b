/**
 * One line engine for every protocol: a protocol describes an exchange as a {@code Transaction}, a {@code Line} is
 * the one listener of a link and feeds bytes only to the transaction on the wire, and a scheduler (half-duplex or
 * pipelined) decides what goes on the wire next.
 */
package io.emms.bus;
