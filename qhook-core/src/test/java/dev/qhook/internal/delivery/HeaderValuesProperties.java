package dev.qhook.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any value comes back from its header intact by the documented rule, and is sendable. */
class HeaderValuesProperties {

  @Property(tries = 2000)
  void everyValueIsSendableAndDecodesBackToItself(@ForAll("values") String value) {
    String sent = HeaderValues.needsEncoding(value) ? HeaderValues.encode(value) : value;

    assertThat(sent).matches("[\\x20-\\x7e]*");
    assertThat(sent).doesNotStartWith(" ").doesNotEndWith(" ");
    String received =
        HeaderValues.needsEncoding(value) ? URLDecoder.decode(sent, StandardCharsets.UTF_8) : sent;
    assertThat(received).isEqualTo(value);
  }

  /** Strings of whole code points (a lone surrogate has no UTF-8 form), often plain ASCII. */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> anyText =
        Arbitraries.integers()
            .between(0, 0x10ffff)
            .filter(cp -> cp < 0xd800 || cp > 0xdfff)
            .list()
            .ofMaxSize(20)
            .map(cps -> new String(cps.stream().mapToInt(i -> i).toArray(), 0, cps.size()));
    return Arbitraries.oneOf(anyText, Arbitraries.strings().ascii().ofMaxLength(20));
  }
}
