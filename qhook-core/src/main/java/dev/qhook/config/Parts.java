package dev.qhook.config;

import dev.qhook.internal.config.BoundConfig;

/**
 * Converts between {@link QHookConfig} and the internal form that loading and validation work on.
 * The internal package never refers to {@link QHookConfig}, so the dependency runs one way.
 */
final class Parts {
  private Parts() {}

  static BoundConfig of(QHookConfig c) {
    return new BoundConfig(
        c.database(),
        c.server(),
        c.api(),
        c.delivery(),
        c.worker(),
        c.retention(),
        c.sources(),
        c.handlers(),
        c.queues(),
        c.workflows(),
        c.alerts());
  }

  static QHookConfig config(BoundConfig b) {
    return new QHookConfig(
        b.database(),
        b.server(),
        b.api(),
        b.delivery(),
        b.worker(),
        b.retention(),
        b.sources(),
        b.handlers(),
        b.queues(),
        b.workflows(),
        b.alerts());
  }
}
