# shellcheck shell=bash
# The JVM flags qhook starts with unless the user's own flags choose otherwise; sourced by bin/qhook
# and by bench/run.sh (which gives the bare-server baseline the same flags).
#
# Memory: a small gateway should stay small. Unless the flags choose a collector or an initial heap,
# use the serial collector and start the heap at 16 MiB (it grows as needed, up to the JDK's default
# maximum): idle RSS about 105 MiB instead of 115-135 MiB with G1 and an initial heap sized from the
# machine's RAM (docs/benchmarks.md "Footprint").
qhook_jvm_defaults() { # qhook_jvm_defaults "USER FLAGS": prints the default flags to add, one per line
  local flags=" ${1:-} "
  if [[ $flags != *" -XX:+Use"*"GC "* ]]; then echo "-XX:+UseSerialGC"; fi
  if [[ $flags != *" -Xms"* ]]; then echo "-Xms16m"; fi
}
