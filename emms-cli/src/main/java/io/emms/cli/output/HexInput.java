package io.emms.cli.output;

import io.emms.cli.command.BadInputException;
import java.util.ArrayList;
import java.util.List;

/** Hex text as typed by a person: spaces, colons and dashes between bytes are ignored. */
public final class HexInput {

  private HexInput() {}

  /** Parses one frame's hex text. */
  public static byte[] parse(String text) {
    String digits = text.replaceAll("[\\s:\\-]", "");
    if (digits.startsWith("0x") || digits.startsWith("0X")) {
      digits = digits.substring(2);
    }
    if (digits.isEmpty()) {
      throw new BadInputException("no hex digits in \"" + text + "\"");
    }
    if (digits.length() % 2 != 0) {
      throw new BadInputException("odd number of hex digits (" + digits.length() + ") in \"" + text.strip() + "\"");
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(digits.charAt(2 * i), 16);
      int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new BadInputException("not a hex digit in \"" + digits.substring(2 * i, 2 * i + 2) + "\"");
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    return bytes;
  }

  /**
   * Splits command-line arguments into frames: each argument is one frame, except that a run of arguments that are
   * all single bytes ("68 25 04 …" typed without quotes) is one frame.
   */
  public static List<String> frames(List<String> args) {
    boolean allSingleBytes = args.stream().allMatch(a -> a.strip().matches("(?i)[0-9a-f]{2}"));
    if (allSingleBytes && args.size() > 1) {
      return List.of(String.join(" ", args));
    }
    return new ArrayList<>(args);
  }

  public static String hex(byte[] bytes, int from, int to) {
    StringBuilder s = new StringBuilder((to - from) * 2);
    for (int i = from; i < to; i++) {
      s.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
    }
    return s.toString().toUpperCase();
  }
}
