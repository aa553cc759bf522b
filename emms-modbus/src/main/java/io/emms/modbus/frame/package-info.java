/**
 * Modbus framing: MBAP for TCP and UDP, RTU (also RTU over TCP) and ASCII. Decoders implement the emms-core
 * {@link io.emms.core.link.FrameDecoder} SPI (and plug into Netty through {@link
 * io.emms.modbus.frame.ModbusFrameNettyDecoder}); encoders append to a caller-supplied buffer.
 *
 * <p>Decoded frames are views of the decoder's input: their {@code pdu()} is a slice, valid only until the input
 * changes (for a {@link io.emms.core.link.FrameAssembler}: during the callback). Decode the PDU with {@link
 * io.emms.modbus.pdu.ModbusPduDecoder} at once, or copy it.
 */
package io.emms.modbus.frame;
