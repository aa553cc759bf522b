package io.emms.dlt645.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.emms.core.reading.Measurand;
import io.emms.core.reading.Phase;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Unit;
import io.emms.dlt645.codec.Dlt645Edition;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  private static final Dlt645Catalogue V2007 = Dlt645Catalogue.of(Dlt645Edition.V2007);
  private static final Dlt645Catalogue V1997 = Dlt645Catalogue.of(Dlt645Edition.V1997);

  private static void assertItem(Dlt645Catalogue catalogue, int di, String format, int length, Unit unit,
      boolean signed) {
    DataItem item = catalogue.find(di).orElseThrow(() -> new AssertionError("missing DI " + Integer.toHexString(di)));
    assertThat(item.format()).hasToString(format);
    assertThat(item.length()).isEqualTo(length);
    assertThat(item.unit()).isEqualTo(unit);
    assertThat(item.signed()).as("signed %x", di).isEqualTo(signed);
  }

  @Test
  void everyItemOfThe2007Notes() {
    assertItem(V2007, 0x00000000, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, true);
    assertItem(V2007, 0x00010000, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    assertItem(V2007, 0x0001FF00, "XXXXXX.XX*5", 20, Unit.KILOWATT_HOUR, false);
    assertItem(V2007, 0x00020000, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    assertItem(V2007, 0x01010000, "XX.XXXX+YYMMDDhhmm", 8, Unit.KILOWATT, true);
    for (int di : new int[] {0x02010100, 0x02010200, 0x02010300}) {
      assertItem(V2007, di, "XXX.X", 2, Unit.VOLT, false);
    }
    assertItem(V2007, 0x0201FF00, "XXX.X*3", 6, Unit.VOLT, false);
    assertItem(V2007, 0x02020300, "XXX.XXX", 3, Unit.AMPERE, true);
    assertItem(V2007, 0x0202FF00, "XXX.XXX*3", 9, Unit.AMPERE, true);
    assertItem(V2007, 0x02030000, "XX.XXXX", 3, Unit.KILOWATT, true);
    assertItem(V2007, 0x02030300, "XX.XXXX", 3, Unit.KILOWATT, true);
    assertItem(V2007, 0x02040000, "XX.XXXX", 3, Unit.KILOVAR, true);
    assertItem(V2007, 0x02050000, "XX.XXXX", 3, Unit.KILOVOLT_AMPERE, false);
    assertItem(V2007, 0x02060000, "X.XXX", 2, Unit.NONE, true);
    assertItem(V2007, 0x02800001, "XXX.XXX", 3, Unit.AMPERE, false);
    assertItem(V2007, 0x02800002, "XX.XX", 2, Unit.HERTZ, false);
    assertItem(V2007, 0x02800007, "XXX.X", 2, Unit.DEGREE_CELSIUS, true);
    assertItem(V2007, 0x04000101, "YYMMDDWW", 4, Unit.NONE, false);
    assertItem(V2007, 0x04000102, "hhmmss", 3, Unit.NONE, false);
    assertItem(V2007, 0x04000401, "NNNNNNNNNNNN", 6, Unit.NONE, false);
    assertItem(V2007, 0x04000402, "NNNNNNNNNNNN", 6, Unit.NONE, false);
    for (int word = 1; word <= 7; word++) {
      assertItem(V2007, 0x04000500 + word, "STATUS", 2, Unit.NONE, false);
    }
    assertItem(V2007, 0x03110000, "XXXXXX", 3, Unit.NONE, false);
    assertItem(V2007, 0x03110001, "POWER_DOWN_RECORD", 12, Unit.NONE, false);
    assertItem(V2007, 0x03300D00, "XXXXXX", 3, Unit.NONE, false);
    assertItem(V2007, 0x03300D01, "COVER_OPEN_RECORD", 60, Unit.NONE, false);
    assertItem(V2007, 0x05060001, "YYMMDDhhmm", 5, Unit.NONE, false);
    assertItem(V2007, 0x05060101, "XXXXXX.XX*5", 20, Unit.KILOWATT_HOUR, false);
    for (int di : new int[] {0x06000000, 0x06000001, 0x06000002}) {
      assertItem(V2007, di, "LOAD_RECORD", -1, Unit.NONE, false);
    }
    assertThat(V2007.find(0x04000102).orElseThrow().access()).isEqualTo(Access.READ_WRITE);
    assertThat(V2007.find(0x00010000).orElseThrow().access()).isEqualTo(Access.READ);
  }

  @Test
  void energiesByQuantityTariffAndSettlement() {
    int[] quantities = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A};
    for (int quantity : quantities) {
      for (int tariff : new int[] {0, 1, 2, 3, 4, 0xFF}) {
        for (int settlement = 0; settlement <= 12; settlement++) {
          int di = quantity << 16 | tariff << 8 | settlement;
          assertThat(V2007.find(di)).as("DI %08X", di).isPresent();
        }
      }
    }
    assertThat(V2007.find(0x00010203).orElseThrow().quantity()).as("settlement values map to no quantity").isEmpty();
    assertThat(V2007.find(0x00010200).orElseThrow().quantity())
        .contains(Quantity.tariff(Measurand.ACTIVE_ENERGY_IMPORT, 2));
    assertThat(V2007.find(0x00290000).orElseThrow().quantity())
        .contains(Quantity.of(Measurand.ACTIVE_ENERGY_IMPORT, Phase.B));
    assertThat(V2007.find(0x02800001).orElseThrow().quantity()).contains(Quantity.of(Measurand.CURRENT, Phase.N));
  }

  @Test
  void everyItemOfThe1997Notes() {
    assertItem(V1997, 0x9010, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    for (int di = 0x9011; di <= 0x9014; di++) {
      assertItem(V1997, di, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    }
    assertItem(V1997, 0x901F, "XXXXXX.XX*5", 20, Unit.KILOWATT_HOUR, false);
    assertItem(V1997, 0x9020, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    assertItem(V1997, 0x9110, "XXXXXX.XX", 4, Unit.KILOVAR_HOUR, false);
    assertItem(V1997, 0x9120, "XXXXXX.XX", 4, Unit.KILOVAR_HOUR, false);
    assertItem(V1997, 0x9410, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    assertItem(V1997, 0x9810, "XXXXXX.XX", 4, Unit.KILOWATT_HOUR, false);
    assertItem(V1997, 0xA010, "XX.XXXX", 3, Unit.KILOWATT, false);
    assertItem(V1997, 0xB010, "MMDDhhmm", 4, Unit.NONE, false);
    assertItem(V1997, 0xB611, "XXX", 2, Unit.VOLT, false);
    assertItem(V1997, 0xB623, "XX.XX", 2, Unit.AMPERE, false);
    assertItem(V1997, 0xB630, "XX.XXXX", 3, Unit.KILOWATT, false);
    assertItem(V1997, 0xB633, "XX.XXXX", 3, Unit.KILOWATT, false);
    assertItem(V1997, 0xB640, "XX.XX", 2, Unit.KILOVAR, false);
    assertItem(V1997, 0xB650, "X.XXX", 2, Unit.NONE, false);
    assertItem(V1997, 0xB653, "X.XXX", 2, Unit.NONE, false);
    assertItem(V1997, 0xC010, "YYMMDDWW", 4, Unit.NONE, false);
    assertItem(V1997, 0xC011, "hhmmss", 3, Unit.NONE, false);
    assertItem(V1997, 0xC030, "XXXXXX", 3, Unit.NONE, false);
    assertItem(V1997, 0xC032, "NNNNNNNNNNNN", 6, Unit.NONE, false);
  }

  @Test
  void blockMembersFollowTheFfByteOrNibble() {
    assertThat(V2007.blockMembers(V2007.find(0x0001FF00).orElseThrow())).extracting(DataItem::di)
        .containsExactly(0x00010000, 0x00010100, 0x00010200, 0x00010300, 0x00010400);
    assertThat(V2007.blockMembers(V2007.find(0x0203FF00).orElseThrow())).extracting(DataItem::di)
        .containsExactly(0x02030000, 0x02030100, 0x02030200, 0x02030300);
    assertThat(V1997.blockMembers(V1997.find(0xB61F).orElseThrow())).extracting(DataItem::di)
        .containsExactly(0xB611, 0xB612, 0xB613);
    assertThat(V2007.blockMembers(V2007.find(0x00010000).orElseThrow())).isEmpty();
  }

  @Test
  void unknownIdentifiersAreEmpty() {
    assertThat(V2007.find(0x7F000000)).isEmpty();
    assertThat(V1997.find(0x00010000)).isEmpty();
    assertThat(V2007.items()).extracting(DataItem::di).isSortedAccordingTo(Integer::compareUnsigned);
  }

  @Test
  void formatsPrintAsParsed() {
    for (Dlt645Catalogue catalogue : new Dlt645Catalogue[] {V1997, V2007}) {
      for (DataItem item : catalogue.items()) {
        assertThat(DataFormat.parse(item.format().toString())).isEqualTo(item.format());
      }
    }
  }
}
