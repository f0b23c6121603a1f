package dev.qhook.verify.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC functions the schemes use. */
public enum MacAlgorithm {
  HMAC_SHA1("HmacSHA1"),
  HMAC_SHA256("HmacSHA256"),
  HMAC_SHA512("HmacSHA512");

  private final String jcaName;

  MacAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The MAC of the concatenation of {@code parts} under {@code key} (non-empty). */
  public byte[] compute(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(new SecretKeySpec(key, jcaName));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(jcaName + " is not available in this JVM", e);
    }
  }
}
