package dev.qhook;

/**
 * What {@link QueueClient#nack} did.
 *
 * @param retried messages that become visible again (after the delay)
 * @param dead messages that had reached {@code max_attempts} deliveries and went dead
 */
public record NackResult(int retried, int dead) {}
