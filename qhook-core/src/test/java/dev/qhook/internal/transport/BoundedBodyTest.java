package dev.qhook.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  private static final int LIMIT = 1024 * 1024;

  @Test
  void aSmallDeclaredBodyIsReadWhole() throws IOException {
    byte[] body = "hello".getBytes();

    assertThat(BoundedBody.read(new ByteArrayInputStream(body), body.length, LIMIT))
        .isEqualTo(body);
  }

  @Test
  void aLargeDeclaredLengthGetsOnlyTheBytesThatArrive() throws IOException {
    byte[] sent = filled(BoundedBody.PREALLOCATE_AT_MOST + 10);

    byte[] read = BoundedBody.read(new ByteArrayInputStream(sent), LIMIT, LIMIT);

    assertThat(read).isEqualTo(sent);
  }

  @Test
  void moreBytesThanTheLimitFailWhateverWasDeclared() {
    byte[] sent = filled(LIMIT + 1);

    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(sent), -1, LIMIT))
        .isInstanceOf(BoundedBody.TooLargeException.class);
    assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(sent), LIMIT + 1, LIMIT))
        .isInstanceOf(BoundedBody.TooLargeException.class);
    assertThatThrownBy(
            () ->
                BoundedBody.read(
                    new ByteArrayInputStream(sent), BoundedBody.PREALLOCATE_AT_MOST + 1, LIMIT))
        .isInstanceOf(BoundedBody.TooLargeException.class);
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'x');
    return bytes;
  }
}
