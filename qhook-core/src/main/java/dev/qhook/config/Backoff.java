package dev.qhook.config;

public enum Backoff {
  EXPONENTIAL,
  FIXED
}
