package dev.qhook.config;

public enum SourceType {
  WEBHOOK,
  EVENT,
  SNS,
  CRON,
  OUTBOUND
}
