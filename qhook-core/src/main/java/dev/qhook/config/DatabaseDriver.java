package dev.qhook.config;

public enum DatabaseDriver {
  SQLITE,
  POSTGRES,
  MYSQL
}
