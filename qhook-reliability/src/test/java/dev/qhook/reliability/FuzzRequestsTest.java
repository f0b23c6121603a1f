package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FuzzRequestsTest {
  /**
   * What seed 42 generates, as a digest: a seed must keep replaying the same requests, so that a
   * failure found by a run can be reproduced. Webhook header values are left out: their signatures
   * sign the current time.
   */
  static final String SEED_42 = "a9fd95e4ccbd644cef2269d5ccbaeff934f21c9d25edc4abe8819a01271b37ee";

  @Test
  void aSeedAlwaysGeneratesTheSameRequestsOfEveryFamily() throws Exception {
    FuzzRequests requests = new FuzzRequests(new Gen(42), 8080);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Set<String> kinds = new TreeSet<>();
    for (int i = 0; i < 3_000; i++) {
      FuzzRequest r = requests.next();
      kinds.add(r.kind());
      StringBuilder text = new StringBuilder();
      text.append(r.kind()).append('\n').append(r.method()).append('\n').append(r.target());
      text.append('\n').append(r.chunked()).append('\n');
      for (Map.Entry<String, String> h : r.headers()) {
        text.append(h.getKey()).append(':');
        text.append(r.kind().equals("webhook") ? "" : h.getValue()).append('\n');
      }
      digest.update(text.toString().getBytes(StandardCharsets.ISO_8859_1));
      digest.update(r.body());
      if (r.raw() != null) {
        digest.update(r.raw());
      }
    }

    assertThat(kinds).containsExactly("api", "event", "malformed", "other", "sns", "webhook");
    assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(SEED_42);
  }
}
