/**
 * Modbus framing: MBAP for TCP and UDP, RTU (also RTU over TCP) and ASCII. Decoders implement the emms-core
 * {@link io.emms.core.link.FrameDecoder} SPI (and plug into Netty through {@link
 * io.emms.modbus.frame.ModbusFrameNettyDecoder}); encoders append to a caller-supplied buffer.
 *
 * <p>Decoded frames are views of the decoder's input: their {@code pdu()} is a slice, valid only until the input
 * changes (for a {@link io.emms.core.link.FrameAssembler}: during the callback). Decode the PDU with {@link
 * io.emms.modbus.pdu.ModbusPduDecoder} at once, or copy it.
 *
 * <p><b>Allocation-free path.</b> Pollers and gateways that handle frames in place use {@link
 * io.emms.modbus.frame.MbapFrameDecoder#decode(io.netty.buffer.ByteBuf, io.emms.modbus.frame.MbapFrameView)}, which
 * fills a reused {@link io.emms.modbus.frame.MbapFrameView} (its PDU a reused {@link
 * io.emms.modbus.pdu.ModbusPduView}) instead of creating a record and a slice, and {@link
 * io.emms.modbus.frame.MbapFrameEncoder#encodeReadRequest} / {@link
 * io.emms.modbus.frame.MbapFrameEncoder#encodeRegistersResponse}, which write the polling messages without a
 * record. Both paths share one parser; the record path is the view path plus the objects.
 */
package io.emms.modbus.frame;
