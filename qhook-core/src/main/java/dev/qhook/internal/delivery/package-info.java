/**
 * Running one claimed handler job: the HTTP attempt, its signing headers, retries, circuit breaker
 * and rate limit. Not API: may change in any release.
 */
@NullMarked
package dev.qhook.internal.delivery;

import org.jspecify.annotations.NullMarked;
