/**
 * Loading the config file (docs/reference/configuration.md): environment file, YAML parsing,
 * overlay, variable expansion, binding into the {@code dev.qhook.config} records, and validation
 * ("Errors and warnings").
 */
@NullMarked
package dev.qhook.internal.config;

import org.jspecify.annotations.NullMarked;
