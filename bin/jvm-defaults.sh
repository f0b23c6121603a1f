# shellcheck shell=bash
# The JVM flags qhook starts with unless the user's own flags choose otherwise; sourced by bin/qhook
# and by bench/run.sh (which gives the JVMs it measures, baselines included, the same flags).
#
# Memory: a small gateway should stay small. Unless the flags choose a collector or a heap size,
# use the serial collector and start the heap at 48 MiB (it grows as needed, up to the JDK's default
# maximum): idle RSS about 105 MiB instead of 115-135 MiB with G1 and an initial heap sized from the
# machine's RAM (docs/benchmarks.md "Footprint"). 48 rather than 16 MiB: the old generation then
# holds what a start leaves behind, so no full collection (200 ms under load) grows the heap in the
# first seconds of traffic, and young collections come three times less often; idle RSS +2 MiB
# (docs/benchmarks.md "Steady load"). The JVM also reads JDK_JAVA_OPTIONS and
# JAVA_TOOL_OPTIONS, so a choice made there counts too (two collectors would stop the JVM).
# Works with bash 3.2 (macOS) too.
qhook_jvm_defaults() { # qhook_jvm_defaults "USER FLAGS": prints the default flags to add, one per line
  local flag gc=false heap=false
  # shellcheck disable=SC2086 # split the flags into words on purpose
  for flag in ${1:-} ${JDK_JAVA_OPTIONS:-} ${JAVA_TOOL_OPTIONS:-}; do
    case $flag in
      -XX:+Use*GC) gc=true ;;
      -Xms* | -Xmx* | -XX:InitialHeapSize=* | -XX:MaxHeapSize=* | -XX:*RAMPercentage=*) heap=true ;;
    esac
  done
  $gc || echo "-XX:+UseSerialGC"
  $heap || echo "-Xms48m"
}
