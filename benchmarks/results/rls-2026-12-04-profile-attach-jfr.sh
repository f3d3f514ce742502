#!/usr/bin/env bash
# Usage: rls-2026-12-04-profile-attach-jfr.sh OUT_DIR STOP_FILE SETTINGS.jfc
# Starts a JFR recording (dumped on exit) in every JMH fork that appears, until STOP_FILE exists. JMH forks do
# not expand %p in a -XX:StartFlightRecording file name on JDK 17, so each fork is attached by its pid instead.
out=$1; stop=$2; settings=$3; seen=" "
while [ ! -e "$stop" ]; do
  for pid in $(pgrep -f 'org.openjdk.jmh.runner.ForkedMain'); do
    case "$seen" in *" $pid "*) continue;; esac
    seen="$seen$pid "
    jcmd "$pid" JFR.start name=profile settings="$settings" filename="$out/$pid.jfr" dumponexit=true >/dev/null \
      && echo "recording fork $pid"
  done
  sleep 0.3
done
