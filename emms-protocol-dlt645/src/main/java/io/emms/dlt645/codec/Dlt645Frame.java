package io.emms.dlt645.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ReferenceCounted;
import java.util.Objects;

/**
 * One DL/T 645 frame: address, control byte and DATA with the 33H offset already removed.
 *
 * <p>Two kinds exist. A <em>view</em> is what {@link Dlt645FrameDecoder#decode(ByteBuf)} returns: a flyweight
 * that the decoder reuses for every frame, over bytes of the decoder's input, so that decoding allocates
 * nothing. A view is valid only until the next {@code decode} call or until the input buffer changes; it is not
 * reference-counted ({@link #retain()} and {@link #release()} throw). Call {@link #retainedDuplicate()} to keep
 * one. An <em>owned</em> frame ({@link #of}, {@link #retainedDuplicate()}, frames emitted by
 * {@link Dlt645NettyDecoder}) holds a reference to its data and must be released once.
 */
public final class Dlt645Frame implements ReferenceCounted {

  private final boolean owned;
  private long address;
  private int control;
  private ByteBuf buffer;
  private int dataIndex;
  private int dataLength;
  private ByteBuf dataView;

  /** A reusable view, filled in by the decoder. */
  Dlt645Frame() {
    this.owned = false;
  }

  private Dlt645Frame(long address, int control, ByteBuf data) {
    this.owned = true;
    this.address = address;
    this.control = control;
    this.buffer = data;
    this.dataIndex = data.readerIndex();
    this.dataLength = data.readableBytes();
    this.dataView = data;
  }

  /**
   * An owned frame for sending through {@link Dlt645NettyEncoder}.
   *
   * @param data plain DATA (without the 33H offset), from its reader index; the frame takes ownership
   */
  public static Dlt645Frame of(Dlt645Address address, int control, ByteBuf data) {
    Objects.requireNonNull(data, "data");
    if (address == null || (control & ~0xFF) != 0) {
      data.release();
      throw new IllegalArgumentException("need an address and a one-byte control, got " + address + ", " + control);
    }
    return new Dlt645Frame(address.raw(), control, data);
  }

  void set(long address, int control, ByteBuf buffer, int dataIndex, int dataLength) {
    this.address = address;
    this.control = control;
    this.buffer = buffer;
    this.dataIndex = dataIndex;
    this.dataLength = dataLength;
    this.dataView = null;
  }

  public Dlt645Address address() {
    return new Dlt645Address(address);
  }

  /** The control byte, 0..255. */
  public int control() {
    return control;
  }

  /** D4..D0 of the control byte. */
  public int functionBits() {
    return Dlt645Control.functionBits(control);
  }

  /** Whether the meter sent this frame (D7). */
  public boolean isResponse() {
    return Dlt645Control.isResponse(control);
  }

  /** Whether this is an error reply (D7 and D6). */
  public boolean isErrorReply() {
    return Dlt645Control.isErrorReply(control);
  }

  /** Whether the meter announces a follow-up frame (D5). */
  public boolean hasFollowUp() {
    return Dlt645Control.hasFollowUp(control);
  }

  /** The L byte: number of DATA bytes. */
  public int dataLength() {
    return dataLength;
  }

  /** DATA byte {@code i} (0-based), offset removed; allocation-free. */
  public int dataByte(int i) {
    Objects.checkIndex(i, dataLength);
    return buffer.getUnsignedByte(dataIndex + i);
  }

  /**
   * DATA with the 33H offset removed, as a slice of the decoder's input (no copy). A view returns the same slice
   * on every call (created on the first), so reading from it moves the reader index others see.
   */
  public ByteBuf data() {
    if (dataView == null) {
      dataView = buffer.slice(dataIndex, dataLength);
    }
    return dataView;
  }

  /** An owned frame sharing this frame's bytes, which stays valid after the decoder moves on. */
  public Dlt645Frame retainedDuplicate() {
    return new Dlt645Frame(address, control, buffer.retainedSlice(dataIndex, dataLength));
  }

  @Override
  public int refCnt() {
    return owned ? buffer.refCnt() : 1;
  }

  @Override
  public Dlt645Frame retain() {
    ownedOrThrow().retain();
    return this;
  }

  @Override
  public Dlt645Frame retain(int increment) {
    ownedOrThrow().retain(increment);
    return this;
  }

  @Override
  public Dlt645Frame touch() {
    ownedOrThrow().touch();
    return this;
  }

  @Override
  public Dlt645Frame touch(Object hint) {
    ownedOrThrow().touch(hint);
    return this;
  }

  @Override
  public boolean release() {
    return ownedOrThrow().release();
  }

  @Override
  public boolean release(int decrement) {
    return ownedOrThrow().release(decrement);
  }

  private ByteBuf ownedOrThrow() {
    if (!owned) {
      throw new IllegalStateException("a decoder's frame view is not reference-counted; use retainedDuplicate()");
    }
    return buffer;
  }

  @Override
  public String toString() {
    return "Dlt645Frame[address=" + address() + ", control=" + String.format("%02X", control) + ", data="
        + ByteBufUtil.hexDump(buffer, dataIndex, dataLength) + "]";
  }
}
