package io.emms.modbus.client;

import io.emms.modbus.pdu.FileRecord;
import io.emms.modbus.pdu.FileRecordReference;
import io.emms.modbus.pdu.ModbusRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadFifoQueueResponse;
import io.emms.modbus.pdu.ReadFileRecordResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The blocking form of a {@link ModbusClient}: each call waits for its response and returns plain values, or throws
 * {@link ModbusExceptionResponseException}, {@link ModbusTimeoutException} or {@link ModbusClientException}. Do not
 * call it from the link's I/O thread (a future's callback), which it would wait on.
 */
public final class BlockingModbusClient {

  private final ModbusClient client;

  public BlockingModbusClient(ModbusClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The asynchronous client underneath. */
  public ModbusClient async() {
    return client;
  }

  public ModbusResponse send(int unitId, ModbusRequest request) {
    return client.sendAndWait(unitId, request);
  }

  public boolean[] readCoils(int unitId, int address, int quantity) {
    return await(client.readCoils(unitId, address, quantity)).bitValues(quantity);
  }

  public boolean[] readDiscreteInputs(int unitId, int address, int quantity) {
    return await(client.readDiscreteInputs(unitId, address, quantity)).bitValues(quantity);
  }

  /** Holding registers as unsigned values 0..65535. */
  public int[] readHoldingRegisters(int unitId, int address, int quantity) {
    return await(client.readHoldingRegisters(unitId, address, quantity)).registerValues();
  }

  /** Input registers as unsigned values 0..65535. */
  public int[] readInputRegisters(int unitId, int address, int quantity) {
    return await(client.readInputRegisters(unitId, address, quantity)).registerValues();
  }

  public void writeSingleCoil(int unitId, int address, boolean on) {
    await(client.writeSingleCoil(unitId, address, on));
  }

  public void writeSingleRegister(int unitId, int address, int value) {
    await(client.writeSingleRegister(unitId, address, value));
  }

  public void writeMultipleCoils(int unitId, int address, boolean... values) {
    await(client.writeMultipleCoils(unitId, address, values));
  }

  public void writeMultipleRegisters(int unitId, int address, int... values) {
    await(client.writeMultipleRegisters(unitId, address, values));
  }

  public void maskWriteRegister(int unitId, int address, int andMask, int orMask) {
    await(client.maskWriteRegister(unitId, address, andMask, orMask));
  }

  /** Writes {@code values} at {@code writeAddress}, then reads, in one transaction (function 0x17). */
  public int[] readWriteMultipleRegisters(
      int unitId, int readAddress, int readQuantity, int writeAddress, int... values) {
    return await(client.readWriteMultipleRegisters(unitId, readAddress, readQuantity, writeAddress, values))
        .registerValues();
  }

  /** Reads file records (function 0x14): the registers of each referenced record, in order. */
  public int[][] readFileRecord(int unitId, FileRecordReference... references) {
    ReadFileRecordResponse response = await(client.readFileRecord(unitId, references));
    int[][] out = new int[references.length][];
    for (int r = 0; r < references.length; r++) {
      out[r] = new int[references[r].recordLength()];
      for (int i = 0; i < out[r].length; i++) {
        out[r][i] = response.register(r, i);
      }
    }
    return out;
  }

  /** Writes file records (function 0x15). */
  public void writeFileRecord(int unitId, FileRecord... records) {
    await(client.writeFileRecord(unitId, records));
  }

  /** Reads a FIFO queue (function 0x18): its registers, oldest first. */
  public int[] readFifoQueue(int unitId, int pointerAddress) {
    ReadFifoQueueResponse response = await(client.readFifoQueue(unitId, pointerAddress));
    int[] out = new int[response.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = response.register(i);
    }
    return out;
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
