#!/usr/bin/env bash
# DICOM network benchmark: 1,000 thin CT slices (512 KiB each, 500 MiB) in Orthanc, retrieved by
#   ssmix dicom fetch --method get    against DCMTK getscu
#   ssmix dicom fetch --method move   against DCMTK movescu receiving with its own port (+P)
# and pushed by DCMTK's dcmsend to
#   ssmix dicom receive               against DCMTK storescp
# in the same run. ssmix flushes every instance to disk before it answers or counts it (durable);
# getscu, movescu and storescp have no option to flush, so they are not durable (storescp is
# also timed with `-xcr sync`, a sync after each file, as the durable DCMTK baseline). DCMTK leaves
# Nagle's algorithm on unless TCP_NODELAY=1 is set; ssmix sets it for itself, so the DCMTK tools
# run both ways and both ratios are printed. Each time is the median of three runs (the DCMTK
# tools with Nagle on: one run, 40 ms a slice waiting for delayed ACKs).
# usage: bench/dicom_net/run.sh [SLICES]   (after a build; needs orthanc and dcmtk)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${SSMIX_BUILD_DIR:-$repo/build}
ssmix=$build/bin/ssmix
slices=${1:-1000}
work=$(mktemp -d)
orthanc_pid=
cleanup() { [ -n "$orthanc_pid" ] && kill "$orthanc_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
seconds() { echo "$(date +%s.%N) - $1" | bc; }
median() { printf "%s\n" "$@" | sort -g | sed -n 2p; }
wait_port() { for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

"$build/bin/ssmix-sample-dicom" --thin-ct "$slices" "$work/dicom" >/dev/null
bytes=$(du -sb "$work/dicom" | cut -f1)

# Orthanc with our AE title as a modality (C-MOVE back to us), its own Nagle off too.
pacs_port=$(port); http_port=$(port); move_port=$(port)
mkdir -p "$work/orthanc"
cat >"$work/orthanc/orthanc.json" <<EOF
{"Name": "bench", "StorageDirectory": "$work/orthanc/db", "IndexDirectory": "$work/orthanc/db", "DicomAet": "ORTHANC",
 "DicomPort": $pacs_port, "HttpPort": $http_port, "RemoteAccessAllowed": false, "Plugins": [],
 "DicomModalities": {"ssmix": ["SSMIXCARRY", "127.0.0.1", $move_port]}, "DicomAlwaysAllowStore": true}
EOF
TCP_NODELAY=1 Orthanc "$work/orthanc/orthanc.json" >"$work/orthanc/log" 2>&1 &
orthanc_pid=$!
wait_port "$pacs_port"
TCP_NODELAY=1 dcmsend -aec ORTHANC 127.0.0.1 "$pacs_port" --scan-directories --recurse "$work/dicom" >/dev/null 2>&1
peer=ORTHANC@127.0.0.1:$pacs_port
study=$("$ssmix" dicom find "$peer" --patient 9999013 --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["studies"][0]["studyInstanceUid"])')

timed() {   # name command...: prints seconds; the output folder is emptied first and the result synced
  local out=$work/out-$1; shift
  rm -rf "$out"; mkdir -p "$out"
  local start; start=$(date +%s.%N)
  (cd "$out" && "$@" >"$work/last.log" 2>&1) || { echo "failed: $*" >&2; tail -5 "$work/last.log" >&2; exit 1; }
  sync
  seconds "$start"
  [ "$(find "$out" -type f -name '*' | wc -l)" -ge "$slices" ] || { echo "incomplete: $*" >&2; exit 1; }
}
three() { median "$(timed "$@")" "$(timed "$@")" "$(timed "$@")"; }

get_ssmix=$(three get-ssmix "$ssmix" dicom fetch "$peer" --patient 9999013 -o .)
get_dcmtk=$(timed get-dcmtk getscu -aet SSMIXCARRY -aec ORTHANC 127.0.0.1 "$pacs_port" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$study" -od .)
get_dcmtk_nd=$(TCP_NODELAY=1 three get-dcmtk getscu -aet SSMIXCARRY -aec ORTHANC 127.0.0.1 "$pacs_port" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$study" -od .)
move_ssmix=$(three move-ssmix "$ssmix" dicom fetch "$peer" --patient 9999013 -o . --method move --port "$move_port")
move_dcmtk=$(timed move-dcmtk movescu -S -aet SSMIXCARRY -aem SSMIXCARRY -aec ORTHANC +P "$move_port" 127.0.0.1 "$pacs_port" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$study" -od .)
move_dcmtk_nd=$(TCP_NODELAY=1 three move-dcmtk movescu -S -aet SSMIXCARRY -aem SSMIXCARRY -aec ORTHANC +P "$move_port" 127.0.0.1 "$pacs_port" -k QueryRetrieveLevel=STUDY -k StudyInstanceUID="$study" -od .)

# Receiving: dcmsend pushes the same files to a receiver started afresh for each run.
receive_once() {   # name receiver...: prints seconds
  local name=$1; shift
  local out=$work/recv-$name rport; rport=$(port)
  rm -rf "$out"; mkdir -p "$out"
  (cd "$out" && exec "$@" "$rport") >"$work/recv.log" 2>&1 &
  local pid=$!
  wait_port "$rport"
  local start; start=$(date +%s.%N)
  TCP_NODELAY=1 dcmsend -aec SSMIXCARRY 127.0.0.1 "$rport" --scan-directories --recurse "$work/dicom" >/dev/null 2>&1
  sync
  seconds "$start"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
recv3() { median "$(receive_once "$@")" "$(receive_once "$@")" "$(receive_once "$@")"; }
recv_ssmix=$(recv3 ssmix "$ssmix" dicom receive --store store --log /dev/null --port)
recv_dcmtk=$(receive_once dcmtk storescp -aet SSMIXCARRY -od .)
recv_dcmtk_nd=$(TCP_NODELAY=1 recv3 dcmtk storescp -aet SSMIXCARRY -od .)
# storescp made durable the only way it can be: `sync` after each file it stores (-xcr).
recv_dcmtk_sync=$(TCP_NODELAY=1 recv3 dcmtk storescp -aet SSMIXCARRY -od . -xcr sync)

mib() { echo "scale=1; $1 / 1048576" | bc; }
echo "DICOM network benchmark: $slices CT slices ($(mib "$bytes") MiB) from Orthanc on loopback; medians of 3"
printf "%-44s %7.2f s   getscu %.2f s (TCP_NODELAY=1: %.2f s)   ratio %.2fx (%.2fx)\n" "ssmix dicom fetch --method get (durable)" \
  "$get_ssmix" "$get_dcmtk" "$get_dcmtk_nd" "$(echo "$get_ssmix / $get_dcmtk" | bc -l)" "$(echo "$get_ssmix / $get_dcmtk_nd" | bc -l)"
printf "%-44s %7.2f s   movescu +P %.2f s (TCP_NODELAY=1: %.2f s)   ratio %.2fx (%.2fx)\n" "ssmix dicom fetch --method move (durable)" \
  "$move_ssmix" "$move_dcmtk" "$move_dcmtk_nd" "$(echo "$move_ssmix / $move_dcmtk" | bc -l)" "$(echo "$move_ssmix / $move_dcmtk_nd" | bc -l)"
printf "%-44s %7.2f s   storescp %.2f s (TCP_NODELAY=1: %.2f s)   ratio %.2fx (%.2fx)\n" "ssmix dicom receive (durable), from dcmsend" \
  "$recv_ssmix" "$recv_dcmtk" "$recv_dcmtk_nd" "$(echo "$recv_ssmix / $recv_dcmtk" | bc -l)" "$(echo "$recv_ssmix / $recv_dcmtk_nd" | bc -l)"
printf "%-44s %7.2f s   storescp -xcr sync (durable) %.2f s   ratio %.2fx\n" "ssmix dicom receive against durable storescp" \
  "$recv_ssmix" "$recv_dcmtk_sync" "$(echo "$recv_ssmix / $recv_dcmtk_sync" | bc -l)"
echo "(getscu, movescu and storescp do not flush what they write: not durable, unless storescp runs sync per file)"
