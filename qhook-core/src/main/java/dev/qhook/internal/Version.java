package dev.qhook.internal;

/** The engine's version, as sent in {@code User-Agent: qhook/<version>}. */
public final class Version {
  public static final String NUMBER = "0.1.0";

  public static final String USER_AGENT = "qhook/" + NUMBER;

  private Version() {}
}
