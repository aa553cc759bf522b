package io.emms.modbus.server;

import io.emms.modbus.client.RegisterTable;
import io.emms.modbus.pdu.ExceptionResponse;
import io.emms.modbus.pdu.MaskWriteRegisterRequest;
import io.emms.modbus.pdu.ModbusResponse;
import io.emms.modbus.pdu.ReadWriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteMultipleCoilsRequest;
import io.emms.modbus.pdu.WriteMultipleRegistersRequest;
import io.emms.modbus.pdu.WriteSingleCoilRequest;
import io.emms.modbus.pdu.WriteSingleRegisterRequest;
import java.time.Duration;
import java.util.BitSet;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A generic Modbus device for trying clients out: coils, discrete inputs, holding and input registers 0..{@value
 * #SIZE}-1, every one of them readable, with values that change at each {@link #step()}; addresses beyond answer
 * exception 02. Register {@code i} holds {@code i + steps} (mod 65536) and bit {@code i} is set when
 * {@code i + steps} is odd. A holding register or coil that a client wrote keeps the written value.
 */
public final class GenericDeviceSimulator implements AutoCloseable {

  /** How many items each table holds. */
  public static final int SIZE = 10_000;

  private final ProcessImage image = new ProcessImage(SIZE);
  private final BitSet writtenRegisters = new BitSet(SIZE);
  private final BitSet writtenCoils = new BitSet(SIZE);
  private final ProcessImageService service = new Service();
  private int steps;
  private ScheduledExecutorService ticker;

  public GenericDeviceSimulator() {
    step();
  }

  public ProcessImage image() {
    return image;
  }

  /** The service to put on a unit of a {@link ModbusServer}. */
  public ModbusService service() {
    return service;
  }

  /** Moves every value not written by a client one step on. */
  public synchronized void step() {
    for (int i = 0; i < SIZE; i++) {
      int value = (i + steps) & 0xFFFF;
      boolean odd = (value & 1) != 0;
      image.setRegister(RegisterTable.INPUT_REGISTERS, i, value);
      image.setBit(RegisterTable.DISCRETE_INPUTS, i, odd);
      synchronized (writtenRegisters) {
        if (!writtenRegisters.get(i)) {
          image.setRegister(RegisterTable.HOLDING_REGISTERS, i, value);
        }
        if (!writtenCoils.get(i)) {
          image.setBit(RegisterTable.COILS, i, odd);
        }
      }
    }
    steps++;
  }

  /** Steps every {@code interval} on a daemon thread until {@link #close()}. */
  public synchronized GenericDeviceSimulator start(Duration interval) {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emms-generic-device");
        t.setDaemon(true);
        return t;
      });
      long nanos = interval.toNanos();
      ticker.scheduleAtFixedRate(this::step, nanos, nanos, TimeUnit.NANOSECONDS);
    }
    return this;
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }

  /** Performs a write and records it under the same lock as {@link #step()}, so a step cannot undo it. */
  private ModbusResponse recordWrite(BitSet written, Supplier<ModbusResponse> write, int address, int count) {
    synchronized (writtenRegisters) {
      ModbusResponse response = write.get();
      if (!(response instanceof ExceptionResponse)) {
        written.set(address, address + count);
      }
      return response;
    }
  }

  /** Remembers what clients wrote so that the simulation leaves it alone. */
  private final class Service extends ProcessImageService {
    Service() {
      super(image, "EMMS", "EMMS generic Modbus device", "0.1");
    }

    @Override
    protected ModbusResponse writeSingleRegister(int unitId, WriteSingleRegisterRequest r) {
      return recordWrite(writtenRegisters, () -> super.writeSingleRegister(unitId, r), r.address(), 1);
    }

    @Override
    protected ModbusResponse writeMultipleRegisters(int unitId, WriteMultipleRegistersRequest r) {
      return recordWrite(writtenRegisters, () -> super.writeMultipleRegisters(unitId, r), r.address(), r.quantity());
    }

    @Override
    protected ModbusResponse maskWriteRegister(int unitId, MaskWriteRegisterRequest r) {
      return recordWrite(writtenRegisters, () -> super.maskWriteRegister(unitId, r), r.address(), 1);
    }

    @Override
    protected ModbusResponse readWriteMultipleRegisters(int unitId, ReadWriteMultipleRegistersRequest r) {
      return recordWrite(
          writtenRegisters, () -> super.readWriteMultipleRegisters(unitId, r), r.writeAddress(), r.writeQuantity());
    }

    @Override
    protected ModbusResponse writeSingleCoil(int unitId, WriteSingleCoilRequest r) {
      return recordWrite(writtenCoils, () -> super.writeSingleCoil(unitId, r), r.address(), 1);
    }

    @Override
    protected ModbusResponse writeMultipleCoils(int unitId, WriteMultipleCoilsRequest r) {
      return recordWrite(writtenCoils, () -> super.writeMultipleCoils(unitId, r), r.address(), r.quantity());
    }
  }
}
