package io.emms.dlt645.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Unit;
import io.emms.dlt645.codec.Dlt645Edition;
import io.emms.dlt645.codec.Hex;
import io.netty.buffer.ByteBuf;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class ValueCodecPropertiesTest {

  private static final List<DataItem> ITEMS = concat(
      Dlt645Catalogue.of(Dlt645Edition.V2007).items(), Dlt645Catalogue.of(Dlt645Edition.V1997).items());

  private static List<DataItem> concat(List<DataItem> a, List<DataItem> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Provide
  Arbitrary<DataItem> items() {
    return Arbitraries.of(ITEMS);
  }

  @Property(tries = 2000, seed = "645")
  void randomBytesForAnyItemNeverThrow(@ForAll("items") DataItem item, @ForAll @Size(max = 300) byte[] bytes) {
    ByteBuf data = Hex.buf(bytes);
    try {
      Dlt645ValueCodec.Decoded decoded = Dlt645ValueCodec.decode(item, data);
      assertThat(decoded.trailing().length).isLessThanOrEqualTo(bytes.length);
      assertThat(data.readableBytes()).as("reader index untouched").isEqualTo(bytes.length);
    } finally {
      assertThat(data.release()).isTrue();
    }
  }

  @Property(tries = 1000, seed = "645")
  void bcdRoundTripWithinTheFormat(
      @ForAll @IntRange(min = 1, max = 12) int digits, @ForAll @IntRange(max = 12) int decimalsSeed,
      @ForAll boolean signed, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll boolean negative) {
    int decimals = decimalsSeed % (digits + 1);
    DataFormat.Numeric format = new DataFormat.Numeric(digits, decimals);
    long limit = signed && digits % 2 == 0 ? 8 * pow10(digits - 1) : pow10(digits);
    long unscaled = seed % limit;
    BigDecimal value = BigDecimal.valueOf(signed && negative ? -unscaled : unscaled, decimals);
    DataItem item = new DataItem(0, "random", format, format.length(), Unit.NONE, signed, Access.READ,
        Optional.empty());
    ByteBuf out = Hex.buf("");
    try {
      Dlt645ValueCodec.encode(item, new Dlt645Value.Decimal(value), out);
      assertThat(out.readableBytes()).isEqualTo(format.length());
      Dlt645Value decoded = Dlt645ValueCodec.decode(item, out).value();
      assertThat(((Dlt645Value.Decimal) decoded).value()).isEqualByComparingTo(value);
      assertThat(((Dlt645Value.Decimal) decoded).value().scale()).isEqualTo(decimals);
    } finally {
      assertThat(out.release()).isTrue();
    }
  }

  @Property(tries = 500, seed = "645")
  void timestampRoundTrip(@ForAll @LongRange(min = 0, max = 3_155_759_999L) long secondsSince2000) {
    LocalDateTime time = LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(secondsSince2000);
    DataItem record = Dlt645Catalogue.of(Dlt645Edition.V2007).find(0x03110001).orElseThrow();
    PowerDownRecord value = new PowerDownRecord(Optional.of(time), Optional.of(time.plus(1, ChronoUnit.HOURS)
        .isAfter(LocalDateTime.of(2099, 12, 31, 23, 59, 59)) ? time : time.plus(1, ChronoUnit.HOURS)));
    ByteBuf out = Hex.buf("");
    try {
      Dlt645ValueCodec.encode(record, value, out);
      assertThat(Dlt645ValueCodec.decode(record, out).value()).isEqualTo(value);
    } finally {
      assertThat(out.release()).isTrue();
    }
  }

  @Property(tries = 1000, seed = "645")
  void corruptedLoadRecordsNeverThrow(@ForAll @IntRange(max = 200) int position, @ForAll byte replacement,
      @ForAll @IntRange(min = 0, max = 50) int cut) {
    byte[] record = Hex.bytes(LoadRecordTest.RECORD);
    record[position % record.length] = replacement;
    DataItem item = Dlt645Catalogue.of(Dlt645Edition.V2007).find(0x06000001).orElseThrow();
    ByteBuf data = Hex.buf(java.util.Arrays.copyOf(record, record.length - cut % record.length));
    try {
      Dlt645Value value = Dlt645ValueCodec.decode(item, data).value();
      assertThat(value).isInstanceOfAny(Dlt645Value.Elements.class, Dlt645Value.Missing.class);
    } finally {
      assertThat(data.release()).isTrue();
    }
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
