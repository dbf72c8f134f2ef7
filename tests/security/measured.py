"""Run ``jixiao`` in a child process and measure its peak memory (resident set, MB)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

_WRAPPER = """
import resource, sys
from jixiao.cli import app
sys.argv = ["jixiao", *sys.argv[1:]]
try:
    app()
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else 1
else:
    code = 0
sys.stdout.flush()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
sys.stderr.write(f"\\nPEAK {peak}\\n")
sys.exit(code)
"""


@dataclass(frozen=True)
class Measured:
    exit_code: int
    stdout: str
    stderr: str
    peak_mb: int


def run_measured(*args: str, timeout: float = 120) -> Measured:
    """``jixiao ARGS`` in a fresh interpreter: its exit code, output and peak memory."""
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    stderr, _, peak = done.stderr.rpartition("\nPEAK ")
    return Measured(done.returncode, done.stdout, stderr, int(peak))
