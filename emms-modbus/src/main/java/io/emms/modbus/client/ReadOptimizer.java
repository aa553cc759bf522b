package io.emms.modbus.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Plans as few reads as possible for a set of wanted ranges: ranges of one table are sorted and merged while the
 * merged read stays within the per-read limit and the hole between two ranges is at most {@code maxGap} items.
 * Reading a few unwanted registers is cheaper than another round trip, but some meters refuse reads that touch
 * undefined registers; for those, set {@code maxGap} to 0.
 *
 * @param maxGap the largest number of unwanted items a merged read may span, 0 to merge only adjacent ranges
 * @param maxRegisters the largest register count per read, at most 125 (some meters accept fewer)
 * @param maxBits the largest coil or input count per read, at most 2000
 */
public record ReadOptimizer(int maxGap, int maxRegisters, int maxBits) {

  /** Merges adjacent ranges only, up to the protocol limits. */
  public static final ReadOptimizer ADJACENT = new ReadOptimizer(0, 125, 2000);

  public ReadOptimizer {
    if (maxGap < 0) {
      throw new IllegalArgumentException("maxGap must be >= 0");
    }
    if (maxRegisters < 1 || maxRegisters > RegisterTable.HOLDING_REGISTERS.maxReadQuantity()) {
      throw new IllegalArgumentException("maxRegisters must be 1..125");
    }
    if (maxBits < 1 || maxBits > RegisterTable.COILS.maxReadQuantity()) {
      throw new IllegalArgumentException("maxBits must be 1..2000");
    }
  }

  /** Allows gaps of up to {@code maxGap} items and the protocol's own limits. */
  public static ReadOptimizer withMaxGap(int maxGap) {
    return new ReadOptimizer(maxGap, 125, 2000);
  }

  /** The largest read this optimiser plans for {@code table}. */
  public int limit(RegisterTable table) {
    return table.bits() ? maxBits : maxRegisters;
  }

  /**
   * Plans the reads. Every wanted range lies wholly inside exactly one returned block, unless the range itself is
   * longer than the per-read limit, in which case it is split over consecutive blocks.
   *
   * @return blocks sorted by table, then address
   */
  public List<RegisterRange> plan(Collection<RegisterRange> wanted) {
    List<RegisterRange> sorted = new ArrayList<>(wanted);
    sorted.sort(Comparator.comparing(RegisterRange::table).thenComparingInt(RegisterRange::address));
    List<RegisterRange> blocks = new ArrayList<>();
    RegisterTable table = null;
    int start = 0;
    int end = 0;
    for (RegisterRange r : sorted) {
      int limit = limit(r.table());
      boolean joins = r.table() == table && r.address() - end <= maxGap && Math.max(end, r.end()) - start <= limit;
      if (joins) {
        end = Math.max(end, r.end());
        continue;
      }
      if (table != null) {
        addSplit(blocks, table, start, end);
      }
      table = r.table();
      start = r.address();
      end = r.end();
    }
    if (table != null) {
      addSplit(blocks, table, start, end);
    }
    return blocks;
  }

  private void addSplit(List<RegisterRange> blocks, RegisterTable table, int start, int end) {
    int limit = limit(table);
    for (int at = start; at < end; at += limit) {
      blocks.add(new RegisterRange(table, at, Math.min(limit, end - at)));
    }
  }
}
