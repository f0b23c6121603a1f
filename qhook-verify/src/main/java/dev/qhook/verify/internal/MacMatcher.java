package dev.qhook.verify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Checks candidate MACs against every configured key, in constant time per comparison. */
public final class MacMatcher {
  private final MacAlgorithm algorithm;
  private final List<byte[]> keys;

  public MacMatcher(MacAlgorithm algorithm, List<byte[]> keys) {
    this.algorithm = algorithm;
    this.keys = List.copyOf(keys);
  }

  /** A matcher whose keys are the UTF-8 bytes of {@code secrets}. */
  public static MacMatcher utf8Secrets(MacAlgorithm algorithm, List<String> secrets) {
    return new MacMatcher(
        algorithm, secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
  }

  /**
   * True if any candidate equals the MAC of the concatenated {@code message} parts under any key.
   * Every key and candidate is compared, so the time taken does not depend on where a match is.
   */
  public boolean anyMatches(List<byte[]> candidates, byte[]... message) {
    boolean matched = false;
    for (byte[] key : keys) {
      byte[] expected = algorithm.compute(key, message);
      for (byte[] candidate : candidates) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }
}
