package dev.qhook.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwilioCanonicalFormTest {

  @Test
  void sortsNamesAndValuesByCodePointNotUtf16Unit() {
    // U+1F600 (a surrogate pair) sorts after U+FF5E by code point, before it by UTF-16 unit.
    String emoji = "\uD83D\uDE00";
    List<FormBody.Param> params =
        FormBody.parse("%EF%BD%9E=1&%F0%9F%98%80=2&a=z&a=b".getBytes(StandardCharsets.US_ASCII));
    assertThat(FormBody.canonical(params)).isEqualTo("aba" + "z" + "\uFF5E1" + emoji + "2");
  }

  @Test
  void decodesPlusAsSpaceAndRejectsBadEscapesAndInvalidUtf8() {
    assertThat(FormBody.parse("a+b=c%20d&&e".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly(new FormBody.Param("a b", "c d"), new FormBody.Param("e", ""));
    assertThat(FormBody.parse("a=%".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(FormBody.parse("a=%C3%28".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(FormBody.parse(new byte[] {'a', '=', (byte) 0xff})).isNull();
  }

  @Test
  void offersTheDefaultPortAddedOrTheExplicitPortRemoved() {
    assertThat(TwilioUrls.variants("https://h.example/p?q=1"))
        .containsExactly("https://h.example/p?q=1", "https://h.example:443/p?q=1");
    assertThat(TwilioUrls.variants("http://h.example"))
        .containsExactly("http://h.example", "http://h.example:80");
    assertThat(TwilioUrls.variants("https://h.example:8443/p"))
        .containsExactly("https://h.example:8443/p", "https://h.example/p");
    assertThat(TwilioUrls.variants("https://[::1]/p"))
        .containsExactly("https://[::1]/p", "https://[::1]:443/p");
  }

  @Test
  void appendsTheRequestsRawQueryToThePublicUrl() {
    assertThat(TwilioUrls.signedUrl("https://pub/x", "http://int:8080/y?a=%20b&c"))
        .isEqualTo("https://pub/x?a=%20b&c");
    assertThat(TwilioUrls.signedUrl("https://pub/x", "http://int:8080/y"))
        .isEqualTo("https://pub/x");
    assertThat(TwilioUrls.signedUrl(null, "http://int/y?z")).isEqualTo("http://int/y?z");
  }
}
