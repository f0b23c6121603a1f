package dev.qhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnsUrlsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
        "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
        "https://sns.us-gov-west-1.amazonaws.com:443/x.pem"
      })
  void acceptsSigningCertificateUrlsOnSnsHosts(String url) {
    assertThat(SnsUrls.isSigningCertificateUrl(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://sns.us-east-1.amazonaws.com/x.pem",
        "https://sns.us-east-1.amazonaws.com/x.pem.txt",
        "https://sns.US-EAST-1.amazonaws.com/x.pem",
        "https://sns.us_east_1.amazonaws.com/x.pem",
        "https://sqs.us-east-1.amazonaws.com/x.pem",
        "https://sns.us-east-1.amazonaws.com.attacker.net/x.pem",
        "https://sns.amazonaws.com/x.pem",
        "https://attacker.net/?u=https://sns.us-east-1.amazonaws.com/x.pem",
        "https://sns.us-east-1.amazonaws.com@attacker.net/x.pem",
        "https://sns.us-east-1.amazonaws.com:8443/x.pem",
        "",
        "::"
      })
  void refusesEverythingElse(String url) {
    assertThat(SnsUrls.isSigningCertificateUrl(url)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=a&Token=b",
        "https://sns.cn-northwest-1.amazonaws.com.cn/?Action=ConfirmSubscription"
      })
  void acceptsSubscribeUrlsOnSnsHosts(String url) {
    assertThat(SnsUrls.isSnsUrl(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
        "https://localhost/?Action=ConfirmSubscription",
        "https://169.254.169.254/latest/meta-data"
      })
  void refusesOtherSubscribeUrls(String url) {
    assertThat(SnsUrls.isSnsUrl(url)).isFalse();
  }
}
