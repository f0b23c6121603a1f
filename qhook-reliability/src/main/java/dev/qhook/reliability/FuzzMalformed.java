package dev.qhook.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fuzzer's requests whose HTTP framing is wrong. */
final class FuzzMalformed {
  private final Gen gen;

  FuzzMalformed(Gen gen) {
    this.gen = gen;
  }

  /** Requests whose framing is wrong; none declares more body than it sends. */
  FuzzRequest malformed() {
    String target = "/events/app/" + gen.draw(FuzzValues.WORD);
    String auth = "Connection: close\r\nAuthorization: Bearer " + KitConfig.API_TOKEN + "\r\n";
    String raw =
        switch (gen.below(14)) {
          case 0 -> "GET\r\n\r\n";
          case 1 -> "POST " + target + " HTTP/1.0\r\n" + auth + "Content-Length: 2\r\n\r\n{}";
          case 2 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: abc\r\n\r\n{}";
          case 3 ->
              "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: -1\r\n\r\n{}";
          case 4 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 2\r\nContent-Length: 1\r\n\r\n{}";
          case 5 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n"
                  + auth
                  + "Content-Length: 2\r\n\r\n{}";
          case 6 ->
              "POST "
                  + target
                  + " HTTP/1.1\nHost: x\n"
                  + auth.replace("\r", "")
                  + "Content-Length: 2\n\n{}";
          case 7 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
          case 8 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "X-Big: "
                  + "b".repeat(gen.pick(List.of(9000, 70_000, 200_000)))
                  + "\r\nContent-Length: 2\r\n\r\n{}";
          case 9 -> {
            StringBuilder many =
                new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: x\r\n" + auth);
            for (int i = 0; i < 500; i++) {
              many.append("X-H").append(i).append(": v\r\n");
            }
            yield many.append("Content-Length: 2\r\n\r\n{}").toString();
          }
          case 10 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 99999999999999999999\r\n\r\n{}";
          case 11 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n{}";
          case 12 ->
              "POST "
                  + target
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
          default -> {
            byte[] junk = new byte[gen.below(300) + 1];
            for (int i = 0; i < junk.length; i++) {
              junk[i] = (byte) gen.below(256);
            }
            yield new String(junk, StandardCharsets.ISO_8859_1) + "\r\n\r\n";
          }
        };
    return new FuzzRequest(
        "malformed",
        "",
        "",
        List.of(),
        new byte[0],
        false,
        raw.getBytes(StandardCharsets.ISO_8859_1));
  }
}
