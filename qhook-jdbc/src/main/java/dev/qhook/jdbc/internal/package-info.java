/**
 * How {@link dev.qhook.jdbc.JdbcStore} works: connections and dialects, migrations, and one class
 * per concern of the store. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.jdbc.internal;

import org.jspecify.annotations.NullMarked;
