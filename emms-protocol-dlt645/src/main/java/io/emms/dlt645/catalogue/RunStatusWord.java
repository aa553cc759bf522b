package io.emms.dlt645.catalogue;

import io.emms.core.reading.Phase;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A 2007 run status word (DI {@code 0400050n}): word 3 carries the relay state, words 4..6 the faults of phases
 * A..C, word 7 meter-wide conditions. Other bits are kept raw in {@link #bits()}.
 *
 * @param number the word number 1..7
 * @param bits the 16 bits (the first byte on the wire is the low byte)
 */
public record RunStatusWord(int number, int bits) implements Dlt645Value {

  private static final int RELAY_OPEN_BIT = 4;

  /** Checks the components (see the class description for their meaning). */
  public RunStatusWord {
    if (number < 1 || number > 7) {
      throw new IllegalArgumentException("status words are numbered 1..7, got " + number);
    }
    if ((bits & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("a status word has 16 bits: " + Integer.toHexString(bits));
    }
  }

  public boolean bit(int index) {
    return (bits & (1 << index)) != 0;
  }

  /**
   * Word 3 bit 4: the load relay is open (tripped). Confirm relay commands by reading this.
   *
   * @throws IllegalStateException for words other than 3
   */
  public boolean relayOpen() {
    requireWord(3, 3);
    return bit(RELAY_OPEN_BIT);
  }

  /**
   * The phase words 4..6 describe.
   *
   * @throws IllegalStateException for other words
   */
  public Phase phase() {
    requireWord(4, 6);
    return Phase.values()[Phase.A.ordinal() + number - 4];
  }

  /**
   * Faults of the phase of word 4..6.
   *
   * @throws IllegalStateException for other words
   */
  public Set<PhaseFault> phaseFaults() {
    requireWord(4, 6);
    EnumSet<PhaseFault> faults = EnumSet.noneOf(PhaseFault.class);
    for (PhaseFault fault : PhaseFault.values()) {
      if (bit(fault.bit())) {
        faults.add(fault);
      }
    }
    return Collections.unmodifiableSet(faults);
  }

  /**
   * Meter-wide conditions of word 7.
   *
   * @throws IllegalStateException for other words
   */
  public Set<MeterCondition> meterConditions() {
    requireWord(7, 7);
    EnumSet<MeterCondition> conditions = EnumSet.noneOf(MeterCondition.class);
    for (MeterCondition condition : MeterCondition.values()) {
      if (bit(condition.bit())) {
        conditions.add(condition);
      }
    }
    return Collections.unmodifiableSet(conditions);
  }

  private void requireWord(int from, int to) {
    if (number < from || number > to) {
      throw new IllegalStateException("status word " + number + " does not carry this flag");
    }
  }

  /** Bits 0..7 of status words 4..6. */
  public enum PhaseFault {
    LOSS_OF_VOLTAGE,
    UNDER_VOLTAGE,
    OVER_VOLTAGE,
    LOSS_OF_CURRENT,
    OVER_CURRENT,
    OVERLOAD,
    REVERSE_POWER_FLOW,
    PHASE_BREAK;

    public int bit() {
      return ordinal();
    }
  }

  /**
   * Bits of status word 7. The reference notes name reverse sequence, unbalance and power down; the bit positions
   * follow the 2007 status-word table as commonly implemented and are not verified against the standard's text.
   */
  public enum MeterCondition {
    VOLTAGE_REVERSE_SEQUENCE(0),
    CURRENT_REVERSE_SEQUENCE(1),
    VOLTAGE_UNBALANCE(2),
    CURRENT_UNBALANCE(3),
    AUXILIARY_SUPPLY_LOST(4),
    POWER_DOWN(5),
    DEMAND_OVER_LIMIT(6),
    POWER_FACTOR_UNDER_LIMIT(7),
    CURRENT_SEVERE_UNBALANCE(8);

    private final int bit;

    MeterCondition(int bit) {
      this.bit = bit;
    }

    public int bit() {
      return bit;
    }
  }
}
