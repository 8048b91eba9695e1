#!/usr/bin/python3
"""tests/integration/durability_test.py — "acknowledged only after the flush", proven from the
system calls. The real binary runs under `strace -f` (Debian's strace: every thread, timestamps,
file descriptors resolved to paths and sockets, all strings in hex), and the trace is read back:

  listen          for every AA, the stored message's file was written, its data flushed (fsync,
                  fdatasync, syncfs of its file system, or sync), renamed into place, and that
                  rename and every folder made for it flushed, all before the first byte of the
                  ACK (matched by MSA-2, the message control ID) was written to the socket; its
                  record in the transaction storage (--transactions) flushed before it too;
  dicom receive   the same for every stored instance before its C-STORE success response
                  (matched by Affected SOP Instance UID) is sent;
  ingest          the same for every stored file before the summary line that counts it
                  (HL7 messages) or the line that names it (a CDA document) reaches stdout;
  pack            the ISO image's data flushed before its rename to the final name, that rename
                  flushed before the process exits (with and without --tree); the same for
                  every file of the disc tree.

Order is taken from the order of the trace's lines, not from timestamps: strace is one tracer
and prints a call when it stops the thread on entry (or, for a call another thread interrupts,
"<unfinished ...>" then "<... resumed>" when it stops it on exit). So a call whose exit line
comes before another call's entry line had finished before that one began. A kill -9 test cannot
show this: the page cache survives the process.

usage: durability_test.py SSMIX SAMPLE_DICOM_DIR WORKDIR
"""
import glob
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_messages import prescription  # noqa: E402
from checks import check, failures  # noqa: E402
from dicom_peers import copies_of_ct  # noqa: E402

SSMIX, SAMPLE_DICOM, WORK = (os.path.abspath(a) for a in sys.argv[1:4])

STRACE = ["strace", "-f", "-ttt", "-yy", "-xx", "-s", "65536",
          "-e", "trace=%file,%desc,%network,sync,syncfs,fsync,fdatasync,write,writev,sendto,sendmsg,"
                "rename,renameat,renameat2,openat,close"]

WRITES = {"write", "pwrite64", "writev", "pwritev", "pwritev2"}
SENDS = {"write", "writev", "sendto", "sendmsg", "send"}
COPIES_OUT_THIRD = {"copy_file_range", "splice"}          # output descriptor is the third argument
FLUSHES = {"fsync", "fdatasync", "syncfs", "sync"}
RENAMES = {"rename", "renameat", "renameat2"}
MKDIRS = {"mkdir", "mkdirat"}

# ---------------------------------------------------------------------------------------------
# Reading the trace

LINE = re.compile(r"^(\d+) +(\d+\.\d+) (.*)$")
CALL = re.compile(r"^([a-z_0-9]+)\((.*)$")
RESUMED = re.compile(r"^<\.\.\. ([a-z_0-9]+) resumed>(.*)$")


def unescape(text):
    """strace's quoting (with -xx every byte is \\xNN; kept general) to bytes."""
    out, i = bytearray(), 0
    while i < len(text):
        c = text[i]
        if c != "\\":
            out += c.encode("utf-8", "surrogateescape")
            i += 1
            continue
        n = text[i + 1]
        if n == "x":
            out.append(int(text[i + 2:i + 4], 16))
            i += 4
        elif n in "01234567":
            j = i + 1
            while j < len(text) and j < i + 4 and text[j] in "01234567":
                j += 1
            out.append(int(text[i + 1:j], 8))
            i = j
        else:
            out.append({"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, "\\": 92, '"': 34}.get(n, ord(n)))
            i += 2
    return bytes(out)


def split_args(text):
    """Top-level arguments of a call (commas inside quotes, brackets, braces and <...> kept)."""
    args, depth, current, i = [], 0, "", 0
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            current += text[i:j + 1]
            i = j + 1
            continue
        if c in "[{(<":
            depth += 1
        elif c in "]})>" and not (c == ">" and text[i - 1] == "-"):   # "->" in TCP:[a->b]
            depth -= 1
        if c == "," and depth == 0:
            args.append(current.strip())
            current = ""
        else:
            current += c
        i += 1
    if current.strip():
        args.append(current.strip())
    return args


FD = re.compile(r"^(-?\d+|AT_FDCWD)(?:<(.*)>)?$", re.S)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"(\.\.\.)?')


class Call:
    def __init__(self, pid, name, entry):
        self.pid, self.name, self.entry, self.exit = pid, name, entry, None
        self.text, self.ret = "", None

    def finish(self, index, rest):
        self.exit = index
        self.text += rest
        at = self.text.rfind(") = ")   # strings are all \xNN, so this is the result's
        if at >= 0:
            result = re.match(r"-?(0x[0-9a-f]+|\d+)", self.text[at + 4:])   # "3</path>" for a new descriptor
            self.ret = int(result.group(0), 0) if result else None
            self.text = self.text[:at]
        self.args = split_args(self.text)

    def fd(self, n=0):
        """(number, annotation) of argument n, the annotation decoded (a path or TCP:[...])."""
        if n >= len(self.args):
            return None, None
        m = FD.match(self.args[n])
        if not m:
            return None, None
        return m.group(1), (unescape(m.group(2)).decode("utf-8", "replace") if m.group(2) is not None else None)

    def path_arg(self, dirfd_n, path_n, cwd):
        """The absolute path of a (dirfd, "path") pair, or of a lone "path" when dirfd_n is None."""
        m = STRING.match(self.args[path_n])
        path = unescape(m.group(1)).decode("utf-8", "replace")
        if path.startswith("/"):
            return os.path.normpath(path)
        base = cwd
        if dirfd_n is not None:
            number, annotation = self.fd(dirfd_n)
            if number != "AT_FDCWD" and annotation:
                base = annotation
        return os.path.normpath(os.path.join(base, path))

    def data(self, first=1):
        """The bytes a write or send carried: every string from argument `first` on, up to the
        result (what the kernel took)."""
        chunks = []
        for arg in self.args[first:]:
            for m in STRING.finditer(arg):
                if m.group(2):
                    raise AssertionError("strace cut a string short: raise -s")
                chunks.append(unescape(m.group(1)))
        data = b"".join(chunks)
        return data[:self.ret] if self.ret is not None and self.ret >= 0 else b""


def read_trace(path):
    calls, open_calls, exits = [], {}, {}
    for index, line in enumerate(open(path, encoding="utf-8", errors="surrogateescape")):
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        pid, rest = int(m.group(1)), m.group(3)
        if rest.startswith("+++ exited") or rest.startswith("+++ killed"):
            exits[pid] = index
            continue
        r = RESUMED.match(rest)
        if r:
            call = open_calls.pop(pid, None)
            if call is not None:
                call.finish(index, r.group(2))
            continue
        c = CALL.match(rest)
        if not c:
            continue   # a signal, "--- SIG..."
        call = Call(pid, c.group(1), index)
        calls.append(call)
        if rest.endswith("<unfinished ...>"):
            call.text = c.group(2)[:-len("<unfinished ...>")].rstrip()
            open_calls[pid] = call
        else:
            call.finish(index, c.group(2))
    return [c for c in calls if c.exit is not None], exits


class Trace:
    def __init__(self, path, cwd):
        self.calls, self.exits = read_trace(path)
        self.cwd = cwd
        self.writes, self.flushes, self.renames, self.mkdirs, self.sends = [], [], [], [], []
        for c in self.calls:
            if c.ret is None or c.ret < 0:
                continue
            if c.name in WRITES or c.name == "sendfile" or c.name in COPIES_OUT_THIRD:
                number, target = c.fd(2 if c.name in COPIES_OUT_THIRD else 0)
                if target and target.startswith("/"):
                    self.writes.append((c, os.path.normpath(target.replace(" (deleted)", ""))))
            if c.name in SENDS:
                number, target = c.fd(0)
                if target and target.startswith(("TCP:", "TCPv6:")):
                    self.sends.append((c, target))
            if c.name in FLUSHES:
                self.flushes.append((c, c.fd(0)[1] if c.name != "sync" else "/"))
            if c.name in RENAMES:
                if c.name == "rename":
                    source, target = c.path_arg(None, 0, cwd), c.path_arg(None, 1, cwd)
                else:
                    source, target = c.path_arg(0, 1, cwd), c.path_arg(2, 3, cwd)
                self.renames.append((c, source, target))
            if c.name in MKDIRS:
                self.mkdirs.append((c, c.path_arg(None, 0, cwd) if c.name == "mkdir" else c.path_arg(0, 1, cwd)))

    def stream(self, connection):
        """[(offset, call)] and the bytes sent on one TCP connection, in order."""
        pieces, data = [], b""
        for c, target in self.sends:
            if target == connection:
                pieces.append((len(data), c))
                data += c.data()
        return pieces, data

    def connections(self):
        return sorted({target for _, target in self.sends})


def call_at(pieces, offset):
    """The send call that carried byte `offset` of a stream."""
    found = None
    for start, call in pieces:
        if start <= offset:
            found = call
    return found


def device(path):
    while path and not os.path.exists(path):
        path = os.path.dirname(path)
    return os.stat(path or "/").st_dev


def covers(flush, annotation, path, directory):
    """Whether this flush makes `path`'s data (directory=False) or the entries of the folder
    `path` (directory=True) durable."""
    if flush.name == "sync":
        return True
    if not annotation or not annotation.startswith("/"):
        return False
    annotation = annotation.replace(" (deleted)", "")
    if flush.name == "syncfs":
        return device(annotation) == device(path)
    return os.path.normpath(annotation) == os.path.normpath(path)   # fsync/fdatasync of that very file or folder


def flushed_between(trace, path, directory, after, before):
    """A flush covering `path` that began after line `after` ended and ended before line
    `before` began."""
    return any(after < c.entry and c.exit < before and covers(c, a, path, directory) for c, a in trace.flushes)


def durable(trace, final_path, claim, what):
    """Checks that `final_path` (the name it has at the end of the trace) was durable, data and
    name, before line `claim`. Returns the list of problems (empty: durable)."""
    problems = []
    # The renames that led to the final name, newest first (a folder renamed counts for the
    # files in it), back to the name the data was written under.
    chain, current, until = [], os.path.normpath(final_path), float("inf")
    while True:
        found = None
        for c, source, target in reversed(trace.renames):
            if c.exit < until and (current == target or current.startswith(target + "/")):
                found = (c, source, target)
                break
        if not found:
            break
        c, source, target = found
        chain.append((c, current, target))
        current, until = source + current[len(target):], c.entry
    origin = current
    chain.reverse()                                            # oldest first
    before_claim = [link for link in chain if link[0].exit < claim]
    if len(before_claim) < len(chain) and chain[len(before_claim)][0].entry < claim:
        problems.append("%s: renamed while being claimed" % what)
    # The data must be durable before the rename that gives the final name (renames inside a
    # folder not yet in place, such as a staging folder, show nothing under a final name).
    named = before_claim[-1][0].entry if before_claim else claim
    first_rename = before_claim[0][0].entry if before_claim else claim
    writes = [c for c, p in trace.writes if p == origin and c.exit < first_rename]
    if not writes:
        if os.path.exists(final_path) and os.path.getsize(final_path) > 0:
            problems.append("%s: no write of its data under %s seen before it was named/claimed" % (what, origin))
    else:
        last = max(c.exit for c in writes)
        if not flushed_between(trace, origin, False, last, named):
            problems.append("%s: its data (written as %s, trace line %d) not flushed before %s (line %d)"
                            % (what, origin, last + 1, "its rename into place" if before_claim else "the claim", named + 1))
    for c, new_name, target in before_claim:
        if not flushed_between(trace, os.path.dirname(target), True, c.exit, claim):
            problems.append("%s: the rename to %s (line %d) not flushed (its folder) before the claim (line %d)"
                            % (what, target, c.exit + 1, claim + 1))
    # Folders made for it: their entries in their parents flushed too.
    name_at_claim = before_claim[-1][1] if before_claim else origin
    for c, made in trace.mkdirs:
        if c.exit < claim and name_at_claim.startswith(made + "/"):
            if not flushed_between(trace, os.path.dirname(made), True, c.exit, claim):
                problems.append("%s: the folder %s made at line %d not flushed before the claim (line %d)"
                                % (what, made, c.exit + 1, claim + 1))
    return problems


def run_traced(name, args, **popen):
    trace_file = os.path.join(WORK, name + ".trace")
    # LeakSanitizer cannot run under ptrace (in an ASan build it stops the process at exit with a
    # fatal error): leaks are looked for by every other test of that build, not here.
    env = dict(popen.pop("env", os.environ))
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
    process = subprocess.Popen(STRACE + ["-o", trace_file] + args, cwd=WORK, env=env, **popen)
    return process, trace_file


def traced_child(process):
    """The pid of the program strace started (signals go to it, not to strace)."""
    for _ in range(100):
        try:
            children = open("/proc/%d/task/%d/children" % (process.pid, process.pid)).read().split()
            if children:
                return int(children[0])
        except OSError:
            pass
        time.sleep(0.05)
    raise AssertionError("strace did not start the program")


def report(name, problems, checked):
    check(checked > 0, "%s: nothing was checked" % name)
    for p in problems[:20]:
        check(False, "%s: %s" % (name, p))
    if len(problems) > 20:
        check(False, "%s: ... and %d more problems" % (name, len(problems) - 20))
    print("%s: %d claims checked, %d problems" % (name, checked, len(problems)), flush=True)


def storage_files(root):
    found = []
    for folder, _, names in os.walk(root):
        found += [os.path.join(folder, n) for n in names if not n.startswith(".")]
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# ssmix listen

def test_listen():
    storage, transactions = os.path.join(WORK, "listen", "storage"), os.path.join(WORK, "listen", "transactions")
    os.makedirs(os.path.dirname(storage))
    process, trace_file = run_traced("listen", [SSMIX, "listen", "--storage", storage, "--port", "0",
                                                "--transactions", transactions, "--facility-id", "0123456789",
                                                "--log", os.path.join(WORK, "listen", "listen.log")],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = process.stdout.readline().decode()
    assert line.startswith("listening "), "listen did not start: %r %r" % (line, process.stderr.read()[-2000:])
    port = int(line.split()[2])
    acked, lock = {}, threading.Lock()

    def sender(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pending = b""
        for i in range(40):
            control = "2024%02d01%06d" % (n + 1, i)                       # MSH-7 and MSH-10
            message = prescription("ORDDUR%d%03d" % (n, i), control, "NW", "薬%d" % i)
            s.sendall(b"\x0b" + message + b"\x1c\r")
            while b"\x1c\r" not in pending:
                chunk = s.recv(65536)
                assert chunk, "connection closed before the ACK"
                pending += chunk
            ack, pending = pending.split(b"\x1c\r", 1)
            m = re.search(rb"\rMSA\|(\w\w)\|([^|\r]*)", ack)
            with lock:
                acked[control] = m.group(1).decode() if m else "?"
        s.close()

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    os.kill(traced_child(process), signal.SIGTERM)
    process.wait(timeout=60)
    check(len(acked) == 160 and set(acked.values()) == {"AA"}, "listen: 160 AAs: %s" % set(acked.values()))

    trace = Trace(trace_file, WORK)
    acks = {}   # control ID -> line of the first byte of its ACK
    for connection in trace.connections():
        pieces, data = trace.stream(connection)
        for m in re.finditer(rb"\x0b(.*?)\x1c\r", data, re.S):
            msa = re.search(rb"\rMSA\|(\w\w)\|([^|\r]*)", m.group(1))
            if msa and msa.group(1) == b"AA":
                acks[msa.group(2).decode()] = call_at(pieces, m.start()).entry
    check(set(acks) == set(acked), "listen: the trace shows every AA the senders got (%d of %d)" % (len(set(acks) & set(acked)), len(acked)))
    problems, checked = [], 0
    for path in storage_files(storage):
        control = open(path, "rb").read().split(b"\r", 1)[0].split(b"|")[9].decode()
        if control not in acks:
            problems.append("%s stored, but no AA for %s in the trace" % (path, control))
            continue
        checked += 1
        problems += durable(trace, path, acks[control], "message %s" % control)
    check(checked == len(acked), "listen: a stored file for every AA (%d of %d)" % (checked, len(acked)))
    # --transactions: the message's record appended to the transaction file, and flushed (data,
    # and the folder once the file is new), before the ACK too.
    appended = {}
    for c, path in trace.writes:
        if path.startswith(transactions + "/"):
            for control in acks:
                if control.encode() in c.data():
                    appended.setdefault(control, (c, path))
    check(set(appended) == set(acks), "listen: a transaction record for every AA (%d of %d)" % (len(appended), len(acks)))
    first_write = {}
    for c, path in trace.writes:
        first_write.setdefault(path, c)
    for control, (c, path) in sorted(appended.items()):
        if not flushed_between(trace, path, False, c.exit, acks[control]):
            problems.append("message %s: its transaction record (line %d) not flushed before its ACK (line %d)" % (control, c.exit + 1, acks[control] + 1))
        if not flushed_between(trace, os.path.dirname(path), True, first_write[path].exit, acks[control]):
            problems.append("message %s: the new transaction file %s not flushed in its folder before the ACK" % (control, path))
    report("listen", problems, checked)


# ---------------------------------------------------------------------------------------------
# ssmix dicom receive

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def store_responses(trace):
    """{SOP Instance UID: line of the first byte of the P-DATA-TF PDU carrying its C-STORE-RSP
    with status Success}, read from the PDUs the receiver sent (PS3.8 9.3, PS3.7 9.3.1.2)."""
    found = {}
    for connection in trace.connections():
        pieces, data = trace.stream(connection)
        at = 0
        while at + 6 <= len(data):
            kind, length = data[at], int.from_bytes(data[at + 2:at + 6], "big")
            pdu = data[at + 6:at + 6 + length]
            if kind == 4 and b"\x00\x00\x00\x01\x02\x00\x00\x00\x01\x80" in pdu:   # (0000,0100) = 8001H, C-STORE-RSP
                status = re.search(rb"\x00\x00\x00\x09\x02\x00\x00\x00(..)", pdu, re.S)
                uid = re.search(rb"\x00\x00\x00\x10(....)", pdu, re.S)             # (0000,1000) Affected SOP Instance UID
                if status and status.group(1) == b"\x00\x00" and uid:
                    n = int.from_bytes(uid.group(1), "little")
                    value = pdu[uid.end():uid.end() + n].rstrip(b"\x00 ").decode()
                    found.setdefault(value, call_at(pieces, at).entry)
            at += 6 + length
    return found


def test_dicom_receive():
    store = os.path.join(WORK, "receive", "store")
    files = copies_of_ct(SAMPLE_DICOM, os.path.join(WORK, "receive", "sent"), 24)
    port = free_port()
    process, trace_file = run_traced("receive", [SSMIX, "dicom", "receive", "--store", store, "--port", str(port),
                                                 "--log", os.path.join(WORK, "receive", "receive.log")],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.startswith("listening "), "receiver did not start: %r" % line
    senders = [subprocess.Popen(["storescu", "-aet", "MODALITY%d" % n, "-aec", "SSMIXCARRY", "127.0.0.1", str(port)] + files[n::3],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for n in range(3)]
    check(all(s.wait(timeout=120) == 0 for s in senders), "dicom receive: storescu succeeded")
    os.kill(traced_child(process), signal.SIGTERM)
    process.wait(timeout=60)

    trace = Trace(trace_file, WORK)
    responses = store_responses(trace)
    check(len(responses) == len(files), "dicom receive: a success response per instance in the trace (%d of %d)" % (len(responses), len(files)))
    problems, checked = [], 0
    for path in sorted(glob.glob(os.path.join(store, "**", "*.dcm"), recursive=True)):
        uid = os.path.basename(path)[:-len(".dcm")]
        if uid not in responses:
            problems.append("%s stored, but no success response for it in the trace" % path)
            continue
        checked += 1
        problems += durable(trace, path, responses[uid], "instance %s" % uid)
    check(checked == len(files), "dicom receive: every instance stored (%d of %d)" % (checked, len(files)))
    report("dicom receive", problems, checked)


# ---------------------------------------------------------------------------------------------
# ssmix ingest

def first_write_containing(trace, fd, text):
    for c in trace.calls:
        if c.name in WRITES and c.ret and c.ret > 0 and c.fd(0)[0] == str(fd) and text in c.data():
            return c.entry
    return None


def test_ingest():
    inputs = os.path.join(WORK, "ingest", "in")
    os.makedirs(inputs)
    for i in range(30):
        sent = "20240301%06d" % i
        open(os.path.join(inputs, "m%03d.hl7" % i), "wb").write(prescription("ORDING%03d" % i, sent, "NW", "薬"))
    stream = b"".join(b"\x0b" + prescription("ORDMLLP%03d" % i, "20240302%06d" % i, "NW", "薬") + b"\x1c\r" for i in range(10))
    open(os.path.join(inputs, "stream.mllp"), "wb").write(stream)
    letter = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "cda", "jp-referral-valid.xml")
    shutil.copy(letter, os.path.join(inputs, "letter.xml"))
    storage, extended = os.path.join(WORK, "ingest", "storage"), os.path.join(WORK, "ingest", "extended")
    out = open(os.path.join(WORK, "ingest", "stdout.txt"), "wb")
    process, trace_file = run_traced("ingest", [SSMIX, "ingest", "--storage", storage, "--extended", extended, inputs],
                                     stdout=out, stderr=subprocess.PIPE)
    _, err = process.communicate(timeout=300)
    out.close()
    printed = open(os.path.join(WORK, "ingest", "stdout.txt"), "rb").read().decode()
    check(process.returncode == 0, "ingest: exit status %d: %s %s" % (process.returncode, printed, err.decode()))
    check(": 40 stored," in printed, "ingest: 40 stored: %s" % printed)

    trace = Trace(trace_file, WORK)
    summary = first_write_containing(trace, 1, b"Ingested into")
    check(summary is not None, "ingest: the summary line in the trace")
    problems, checked = [], 0
    for path in storage_files(storage):
        checked += 1
        problems += durable(trace, path, summary if summary is not None else 0, os.path.relpath(path, storage))
    check(checked == 40, "ingest: 40 files in the storage, found %d" % checked)
    documents = storage_files(extended)
    check(len(documents) == 1, "ingest: one document stored: %s" % documents)
    for path in documents:
        line = first_write_containing(trace, 1, b"letter.xml: stored as")
        check(line is not None, "ingest: the document's line in the trace")
        checked += 1
        problems += durable(trace, path, line if line is not None else 0, os.path.relpath(path, extended))
    report("ingest", problems, checked)


# ---------------------------------------------------------------------------------------------
# ssmix pack

def test_pack():
    work = os.path.join(WORK, "pack")
    os.makedirs(work)
    iso, tree = os.path.join(work, "disc.iso"), os.path.join(work, "tree")
    process, trace_file = run_traced("pack", [SSMIX, "pack", "--dicom", os.path.join(SAMPLE_DICOM, "HEAD"), "-o", iso, "--tree", tree],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=300)
    check(process.returncode == 0 and os.path.exists(iso), "pack: exit status %d: %s" % (process.returncode, err.decode()[-2000:]))

    trace = Trace(trace_file, WORK)
    end = max(trace.exits.values()) if trace.exits else len(trace.calls)
    problems = []
    image_renames = [c for c, _, target in trace.renames if target == iso]
    check(len(image_renames) == 1, "pack: the image renamed into place once (%d)" % len(image_renames))
    problems += durable(trace, iso, end, "disc.iso")
    files = storage_files(tree)
    check(len(files) > 10, "pack: a disc tree (%d files)" % len(files))
    for path in files:
        problems += durable(trace, path, end, "tree/" + os.path.relpath(path, tree))
    report("pack", problems, 1 + len(files))

    # The image alone (above, the tree's syncfs after the image's rename covers the rename too).
    alone = os.path.join(work, "alone.iso")
    process, trace_file = run_traced("pack-iso", [SSMIX, "pack", "--dicom", os.path.join(SAMPLE_DICOM, "HEAD"), "-o", alone],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=300)
    check(process.returncode == 0 and os.path.exists(alone), "pack -o: exit status %d: %s" % (process.returncode, err.decode()[-2000:]))
    trace = Trace(trace_file, WORK)
    report("pack -o", durable(trace, alone, max(trace.exits.values()) if trace.exits else len(trace.calls), "alone.iso"), 1)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    if not shutil.which("strace"):
        print("FAIL: strace is not installed (Debian package strace; scripts/setup-debian.sh installs it)")
        sys.exit(1)
    only = sys.argv[4:]
    for test in [test_listen, test_dicom_receive, test_ingest, test_pack]:
        if only and test.__name__[5:] not in only:
            continue
        print("==", test.__name__, flush=True)
        test()
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("durability: all passed")


if __name__ == "__main__":
    main()
