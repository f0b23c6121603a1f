package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BoundedBodyProperties {
  /** Counts the bytes handed out, to prove the reader stops after limit + 1. */
  private static final class CountingStream extends ByteArrayInputStream {
    int handedOut;

    CountingStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, Math.min(len, 777));
      handedOut += Math.max(0, n);
      return n;
    }
  }

  @Property
  void returnsBodiesWithinTheLimitWhole(
      @ForAll @IntRange(max = 20_000) int size, @ForAll @IntRange(max = 20_000) int extra) {
    byte[] body = new byte[size];
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), size + (long) extra)).hasSize(size);
  }

  @Property
  void rejectsLongerBodiesAfterReadingAtMostOneByteOverTheLimit(
      @ForAll @IntRange(max = 20_000) int limit,
      @ForAll @IntRange(min = 1, max = 50_000) int over) {
    CountingStream in = new CountingStream(new byte[limit + over]);

    assertThatThrownBy(() -> BoundedBody.read(in, limit))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo("payload_too_large"));
    assertThat(in.handedOut).isEqualTo(limit + 1);
  }

  @Property
  void aDeclaredLengthReadsTheSameBodyWhetherItIsTrueOrNot(
      @ForAll @IntRange(max = 20_000) int size,
      @ForAll @IntRange(max = 20_000) int limit,
      @ForAll @IntRange(min = -1, max = 20_000) int declared) {
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) i;
    }
    if (size > limit) {
      assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(body), limit, declared))
          .isInstanceOf(ApiException.class);
    } else {
      assertThat(BoundedBody.read(new ByteArrayInputStream(body), limit, declared)).isEqualTo(body);
    }
  }
}
