/**
 * Loading the config file (SPEC §2): environment file, YAML parsing, overlay, variable expansion,
 * binding into the {@code dev.qhook.config} records, and validation (SPEC §2.11).
 */
@NullMarked
package dev.qhook.internal.config;

import org.jspecify.annotations.NullMarked;
