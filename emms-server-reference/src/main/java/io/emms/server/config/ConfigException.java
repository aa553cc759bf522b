package io.emms.server.config;

/** A configuration value is missing or malformed; names the setting. */
public class ConfigException extends RuntimeException {

  private final String setting;

  public ConfigException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  /** The offending setting's name. */
  public String setting() {
    return setting;
  }
}
