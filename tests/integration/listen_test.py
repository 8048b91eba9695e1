#!/usr/bin/python3
"""tests/integration/listen_test.py — `ssmix listen` over real TCP sockets on 127.0.0.1: ACKs
checked field by field (AA, AE, AR), each kind of bad input, slow and silent peers, concurrent
senders, re-sent messages, SIGTERM draining, and kill -9 in the middle of heavy traffic with
every acknowledged message checked in the storage afterwards.

usage: listen_test.py SSMIX SAMPLE_ROOT WORKDIR
"""
import datetime
import json
import os
import random
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

SSMIX, SAMPLES, WORK = sys.argv[1], sys.argv[2], sys.argv[3]


def sent_time(day, second):
    """An MSH-7 value: 2024-01-<day> 10:00:00 plus `second` seconds."""
    return (datetime.datetime(2024, 1, day, 10) + datetime.timedelta(seconds=second)).strftime("%Y%m%d%H%M%S")


class Server:
    def __init__(self, name, *extra):
        self.storage = os.path.join(WORK, name, "storage")
        self.log = os.path.join(WORK, name, "listen.log")
        os.makedirs(os.path.dirname(self.storage), exist_ok=True)
        self.args = [SSMIX, "listen", "--storage", self.storage, "--port", "0", "--log", self.log, "--json", *extra]
        self.start()

    def start(self):
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.process.stdout.readline().decode()
        assert line.startswith("listening "), "server did not start: %r %s" % (line, self.process.stderr.read())
        self.port = int(line.split()[2])

    def stop(self, sig=signal.SIGTERM, timeout=30):
        self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)

    def log_events(self):
        return [json.loads(line) for line in open(self.log, encoding="utf-8") if line.strip()]

    def files(self):
        found = []
        for folder, _, names in os.walk(self.storage):
            found += [os.path.join(folder, n) for n in names if not n.startswith(".")]
        return found


def connect(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def frame(message):
    return b"\x0b" + message + b"\x1c\r"


_pending = {}   # bytes received per socket beyond the last ACK handed out


def read_ack(sock):
    """The next ACK frame's content; several may arrive in one recv()."""
    data = _pending.pop(sock.fileno(), b"")
    while b"\x1c\r" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the ACK")
        data += chunk
    end = data.index(b"\x1c\r")
    if data[end + 2:]:
        _pending[sock.fileno()] = data[end + 2:]
    assert data.startswith(b"\x0b")
    return data[1:end]


def fields(ack_bytes):
    """{segment id: [fields]} of an ACK, decoded from ISO-2022-JP (fields split naively: ACK
    text is ours and has no kanji delimiter bytes outside JIS runs at field boundaries)."""
    text = ack_bytes.decode("iso2022_jp")
    out = {}
    for segment in text.split("\r"):
        if segment:
            parts = segment.split("|")
            if parts[0] == "MSH":
                parts = ["MSH", "|"] + parts[1:]
            out[parts[0]] = parts
    return out


def send(server, message, sock=None):
    own = sock is None
    sock = sock or connect(server)
    sock.sendall(frame(message))
    ack = read_ack(sock)
    if own:
        sock.close()
    return ack


def sample(relative):
    return open(os.path.join(SAMPLES, relative), "rb").read().rstrip(b"\x1c")


def test_ack_fields():
    server = Server("ack")
    adt = sample("999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1")
    ack = fields(send(server, adt))
    msh, msa = ack["MSH"], ack["MSA"]
    check(msh[3] == "GW" and msh[4] == "RCV" and msh[5] == "HIS123" and msh[6] == "SEND", "ACK MSH-3..6 swap: %s" % msh[3:7])
    check(len(msh[7]) == 14 and msh[7].isdigit(), "ACK MSH-7 %r" % msh[7])
    check(msh[9] == "ACK^A08^ACK", "ACK MSH-9 %r" % msh[9])
    check(0 < len(msh[10]) <= 20, "ACK MSH-10 %r" % msh[10])
    check(msh[12] == "2.5", "ACK MSH-12 %r" % msh[12])
    check(msh[18] == "~ISO IR87" and msh[20] == "ISO 2022-1994", "ACK MSH-18/20 %r %r" % (msh[18], msh[20]))
    check(msa[1] == "AA" and msa[2] == "20111220000001", "MSA %s" % msa)
    check("ERR" not in ack, "no ERR in an AA")
    stored = [f for f in server.files() if "ADT-00" in f]
    check(len(stored) == 1 and open(stored[0], "rb").read() == adt, "stored byte for byte once")

    # A sample with "~ISOIR87" / "ISO2022-1994" spellings: MSH-18/20 come back as sent.
    omp11 = sample("999/901/9999013/20110630/OMP-11/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1")
    msh = fields(send(server, omp11))["MSH"]
    check(msh[18] == "~ISOIR87" and msh[20] == "ISO 2022-1994", "MSH-18/20 echoed: %r %r" % (msh[18], msh[20]))

    # AE: HL7, but not an SS-MIX2 data type. ERR names the field, the code, and says it in Japanese.
    unknown = b"MSH|^~\\&|A|B|C|D|20240101120000||ADT^A99^ADT_A01|CTL0001|P|2.5||||||~ISO IR87||ISO 2022-1994\rPID|||9999013\r"
    ack = fields(send(server, unknown))
    check(ack["MSA"][1] == "AE" and ack["MSA"][2] == "CTL0001", "AE: MSA %s" % ack["MSA"])
    err = ack.get("ERR", [])
    check(len(err) > 8 and err[2].startswith("MSH^1^9") and err[3].startswith("200^"), "AE: ERR-2/3 %s" % err[:4])
    check(len(err) > 8 and err[4] == "E" and "データ種別" in err[8], "AE: ERR-4/8 %s" % err[4:9])
    raw = send(server, unknown)
    check(b"\x1b$B" in raw, "AE: the Japanese text is ISO-2022-JP in the bytes")

    # AE for a missing required value: PID-3 empty.
    no_patient = prescription("ORD9", "20240101120000", "NW", "薬", patient="")
    ack = fields(send(server, no_patient))
    check(ack["MSA"][1] == "AE" and ack["ERR"][2].startswith("PID^1^3") and ack["ERR"][3].startswith("101^"), "AE no patient: %s" % ack.get("ERR"))

    # AR: not HL7 at all.
    ack = fields(send(server, b"hello, this is not HL7"))
    check(ack["MSA"][1] == "AR" and "HL7" in ack["ERR"][8], "AR: %s %s" % (ack["MSA"], ack.get("ERR")))
    check(server.stop() == 0, "clean stop")
    rejected = os.listdir(os.path.join(WORK, "ack", "rejected"))
    check(len([n for n in rejected if n.endswith(".hl7")]) == 4, "every refused message kept: %s" % rejected)


def test_bad_input():
    server = Server("bad", "--max-frame", "65536", "--idle-timeout", "3")
    good = lambda n: prescription("ORDB%04d" % n, sent_time(1, n), "NW", "薬")  # noqa: E731

    # Garbage before the start block: skipped, the message after it is stored.
    s = connect(server)
    s.sendall(b"GET / HTTP/1.0\r\n\r\n" + frame(good(1)))
    check(fields(read_ack(s))["MSA"][1] == "AA", "garbage then a message: AA")
    # Too large: refused with AR, and the connection goes on.
    s.sendall(frame(b"MSH|^~\\&|" + b"X" * 100000))
    ack = fields(read_ack(s))
    check(ack["MSA"][1] == "AR" and "大きすぎ" in ack["ERR"][8], "oversized frame: AR %s" % ack.get("ERR"))
    s.sendall(frame(good(2)))
    check(fields(read_ack(s))["MSA"][1] == "AA", "after an oversized frame: AA")
    s.close()

    # A slow peer (one byte at a time) does not hold up another connection.
    slow = connect(server)
    message = frame(good(3))
    fast_done = []

    def fast():
        start = time.time()
        fields(send(server, good(4)))
        fast_done.append(time.time() - start)

    for i, byte in enumerate(message):
        slow.sendall(bytes([byte]))
        if i == 10:
            threading.Thread(target=fast).start()
        time.sleep(0.002)
    check(fields(read_ack(slow))["MSA"][1] == "AA", "slow peer: AA")
    slow.close()
    check(fast_done and fast_done[0] < 1.0, "another connection was answered while the slow one trickled: %s" % fast_done)

    # A silent peer is disconnected after the idle timeout; a frame left open is dropped.
    silent = connect(server)
    silent.sendall(b"\x0bMSH|^~\\&|half a message")
    start = time.time()
    silent.settimeout(15)
    closed = silent.recv(100) == b""
    check(closed and 2.5 < time.time() - start < 10, "silent peer closed after the idle timeout (%.1f s)" % (time.time() - start))

    # A peer that disconnects mid-frame: nothing stored.
    before = len(server.files())
    gone = connect(server)
    gone.sendall(b"\x0b" + good(5)[:40])
    gone.close()
    time.sleep(0.5)
    check(len(server.files()) == before, "nothing stored from a broken frame")

    check(server.stop() == 0, "clean stop")
    events = server.log_events()
    kinds = [e["event"] for e in events]
    for kind in ["garbage", "idle-timeout", "disconnected", "message", "stopped"]:
        check(kind in kinds, "log has a %s line" % kind)
    check(any(e["event"] == "disconnected" and e.get("result") == "mid-frame" for e in events), "log: mid-frame disconnect")
    check(all("peer" in e for e in events if e["event"] == "message"), "every message line names its peer")


def test_concurrency_and_duplicates():
    server = Server("concurrent")
    results = {}

    def sender(n):
        s = connect(server)
        for i in range(50):
            message = prescription("ORDC%02d%03d" % (n, i), "20240101%02d%04d" % (n, i), "NW", "薬")
            ack = fields(send(server, message, s))
            results[(n, i)] = ack["MSA"][1]
        s.close()

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(len(results) == 400 and set(results.values()) == {"AA"}, "8 concurrent senders, 400 AAs: %s" % set(results.values()))
    check(len(server.files()) == 400, "400 files stored, found %d" % len(server.files()))
    # The same message again after a "lost ACK": AA, and no second version.
    again = prescription("ORDC00000", "20240101000000", "NW", "薬")
    check(fields(send(server, again))["MSA"][1] == "AA", "re-sent message: AA")
    check(len(server.files()) == 400, "re-sent message not stored twice")
    check(server.stop() == 0, "clean stop")


def test_sigterm_drains():
    server = Server("drain")
    acked = []
    s = connect(server)
    for i in range(200):
        s.sendall(frame(prescription("ORDD%04d" % i, sent_time(2, i), "NW", "薬")))
    server.process.send_signal(signal.SIGTERM)
    try:
        while len(acked) < 200:
            acked.append(fields(read_ack(s))["MSA"][1])
    except (ConnectionError, OSError):
        pass
    status = server.process.wait(timeout=30)
    check(status == 0, "SIGTERM: exit status %s" % status)
    check(len(acked) == len(server.files()), "SIGTERM: every message received before it acknowledged and stored (%d acked, %d stored)"
          % (len(acked), len(server.files())))
    check(set(acked) <= {"AA"}, "SIGTERM: only AAs")


def test_kill_9():
    server = Server("kill")
    acked = {}
    lock = threading.Lock()
    stop = threading.Event()

    def sender(n):
        try:
            s = connect(server)
            for i in range(2000):
                if stop.is_set():
                    break
                control = "K%d-%05d" % (n, i)
                message = prescription("ORDK%d%04d" % (n, i % 300), sent_time(3 + n, i), "NW", control)
                s.sendall(frame(message))
                ack = fields(read_ack(s))
                if ack["MSA"][1] == "AA":
                    with lock:
                        acked[control] = message
        except (ConnectionError, OSError):
            pass

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(random.uniform(1.0, 3.0))
    server.process.kill()
    server.process.wait()
    stop.set()
    for t in threads:
        t.join()
    check(len(acked) > 50, "kill -9: enough traffic before the kill (%d AAs)" % len(acked))

    # Every acknowledged message is in the storage exactly once, byte for byte.
    stored = {}
    for path in server.files():
        data = open(path, "rb").read()
        drug = data.split(b"RXE||108665201^", 1)[1].split(b"^", 1)[0].decode("iso2022_jp") if b"RXE||" in data else ""
        stored.setdefault(drug, []).append(data)
    missing = [c for c, m in acked.items() if stored.get(c) != [m]]
    check(not missing, "kill -9: %d acknowledged messages missing or stored twice, e.g. %s" % (len(missing), missing[:3]))
    # The server starts again on the same storage and goes on.
    server.start()
    check(fields(send(server, prescription("ORDK9999", "20240110000000", "NW", "after")))["MSA"][1] == "AA", "restart after kill -9")
    check(server.stop() == 0, "clean stop after restart")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    for test in [test_ack_fields, test_bad_input, test_concurrency_and_duplicates, test_sigterm_drains, test_kill_9]:
        print("==", test.__name__, flush=True)
        test()
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)
    print("listen: all passed")


if __name__ == "__main__":
    main()
