package dev.qhook.config;

public enum ErrorClass {
  CLIENT_ERROR("4xx"),
  SERVER_ERROR("5xx"),
  TIMEOUT("timeout"),
  NETWORK("network");

  private final String label;

  ErrorClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
