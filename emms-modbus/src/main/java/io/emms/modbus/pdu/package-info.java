/**
 * Modbus PDUs (Modbus Application Protocol v1.1b3): one immutable record per request and response, sealed under
 * {@link io.emms.modbus.pdu.ModbusRequest} and {@link io.emms.modbus.pdu.ModbusResponse}, and a pure codec
 * ({@link io.emms.modbus.pdu.ModbusPduEncoder}, {@link io.emms.modbus.pdu.ModbusPduDecoder}) with no transport
 * dependency.
 *
 * <p><b>Buffer ownership.</b> Variable-length payloads (registers, bits, raw data) are {@link io.netty.buffer.ByteBuf}
 * views. A record never retains or releases its buffers: whoever created a buffer releases it, and a record decoded
 * from a frame is valid only as long as that frame (for frames delivered by a
 * {@link io.emms.core.link.FrameAssembler}: only during the callback). Copy the values, or build the record again
 * from a retained copy, to keep them longer.
 */
package io.emms.modbus.pdu;
