package dev.qhook.spi;

import java.util.List;

/**
 * What {@link Store#nackMessages} did: messages that will be visible again, and those that had
 * reached their delivery limit and are dead (as stored now).
 */
public record Nacked(int retried, List<Job> dead) {
  public static final Nacked NONE = new Nacked(0, List.of());

  public Nacked {
    dead = List.copyOf(dead);
  }
}
