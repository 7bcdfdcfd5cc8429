#!/bin/sh
# Stand-in for a training job in the tests of `oomdoc run`. Usage: job.sh DIR PLAN RESOURCES
# It writes its PID to DIR/job.pid, then follows PLAN, one action a line:
#   log TEXT      prints TEXT on stdout (a line of the training log)
#   step N        tells the nvidia-smi stand-in the job has reached step N (DIR/step)
#   wait SECONDS  sleeps
#   trace FILE    prints RESOURCES/FILE on stderr (a recorded traceback)
#   exit N        exits with status N
#   kill SIGNAL   sends SIGNAL to itself
#   trap          on SIGTERM prints "job: got TERM" and exits 143 (for the forwarding test)
dir=$1
plan=$2
res=$3
echo $$ > "$dir/job.pid"
while IFS= read -r line; do
  cmd=${line%% *}
  arg=${line#* }
  case $cmd in
    log) printf '%s\n' "$arg" ;;
    step) printf '%s\n' "$arg" > "$dir/step" ;;
    wait) sleep "$arg" ;;
    trace) cat "$res/$arg" >&2 ;;
    exit) exit "$arg" ;;
    kill) kill -s "$arg" $$ ;;
    trap) trap 'echo "job: got TERM"; exit 143' TERM ;;
  esac
done < "$plan"
