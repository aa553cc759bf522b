package io.emms.cli.command;

import picocli.CommandLine.ParseResult;

/** Options that every command inherits from {@code emms} itself, such as {@code --verbose} and {@code --quiet}. */
public final class InheritedOptions {

  private InheritedOptions() {}

  /** Whether the user gave an inherited option on any command of the line, e.g. {@code emms read --quiet dlt645}. */
  public static boolean given(ParseResult parsed, String name) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(name)) {
        return true;
      }
    }
    return false;
  }
}
