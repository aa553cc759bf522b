/**
 * Serial links through jSerialComm: {@link io.emms.transport.serial.SerialLink} configured by a
 * {@link io.emms.transport.serial.SerialConfig}, whose defaults are DL/T 645's 2400 baud 8E1.
 */
package io.emms.transport.serial;
