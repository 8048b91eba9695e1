"""tests/integration/checks.py — what the Python integration tests share: check() counts a
failure and says it at once instead of stopping at the first, so one run reports everything
that is wrong; `failures` holds them for the test's exit status."""

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)
